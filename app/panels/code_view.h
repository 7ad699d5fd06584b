// The code view: the scenario's source, editable, with line numbers.
//
// Why it is built this way: a QPlainTextEdit (fast on long files, plain text
// only) with a line-number gutter painted beside it, as in Qt's own code
// editor example. The gutter carries per-task current-line markers in task
// colours (the running task's line is also tinted across the text), and an
// error marker shows where the last run stopped on a syntax or runtime
// error. The view never runs code: the window tells it what to mark.
#pragma once

#include <QColor>
#include <QList>
#include <QPlainTextEdit>

namespace ascope {

class PythonHighlighter;

class CodeView : public QPlainTextEdit
{
    Q_OBJECT

public:
    // A task's current line: where the task is (innermost frame of this file).
    struct LineMarker
    {
        int line = 0;          // 1-based
        QColor colour;         // the task's colour
        QString label;         // "Task-2", shown as a tooltip
        bool running = false;  // the task on the CPU: its line is tinted too
        bool operator==(const LineMarker &) const = default;
    };

    explicit CodeView(QWidget *parent = nullptr);

    void setLineMarkers(const QList<LineMarker> &markers);
    const QList<LineMarker> &lineMarkers() const { return m_markers; }
    // Marks `line` (1-based) as where the run failed; 0 clears it.
    void setErrorLine(int line, const QString &message);
    int errorLine() const { return m_errorLine; }
    // Scrolls so that `line` is visible, without moving the cursor.
    void revealLine(int line);

    // Width in pixels of the line-number gutter for the current line count.
    int gutterWidth() const;

    // Paints the gutter; called by the gutter widget.
    void paintGutter(QPaintEvent *event);

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void highlightCurrentLine();
    void updateSelections();

    QWidget *m_gutter = nullptr;
    QList<LineMarker> m_markers;
    int m_errorLine = 0;
    QString m_errorMessage;
    PythonHighlighter *m_highlighter = nullptr;
};

} // namespace ascope
