// The code view: the scenario's source, editable, with line numbers.
//
// Why it is built this way: a QPlainTextEdit (fast on long files, plain text
// only) with a line-number gutter painted beside it, as in Qt's own code
// editor example. Later the gutter also carries per-task current-line markers
// in task colours; the view itself never runs code, it only edits text.
#pragma once

#include <QPlainTextEdit>

namespace ascope {

class PythonHighlighter;

class CodeView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit CodeView(QWidget *parent = nullptr);

    // Width in pixels of the line-number gutter for the current line count.
    int gutterWidth() const;

    // Paints the gutter; called by the gutter widget.
    void paintGutter(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void highlightCurrentLine();

    QWidget *m_gutter = nullptr;
    PythonHighlighter *m_highlighter = nullptr;
};

} // namespace ascope
