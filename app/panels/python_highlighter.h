// Python syntax colouring for the code view.
//
// Why it is built this way: a small hand-written scanner per line instead of a
// list of regular expressions, because the hard cases of Python colouring are
// about context: a '#' inside a string is not a comment, a quote inside a
// comment does not open a string, and a triple-quoted string spans lines (the
// scanner carries "inside ''' / \"\"\"" from one line to the next in the block
// state). The scenario metadata comments (title, video, cue) get their own
// colour so a lecturer sees the narration at a glance.
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ascope {

class PythonHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit PythonHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Colours a string from `start` (its prefix or opening quote) and returns
    // the index just past its end, or text.size() if it continues on the next
    // line (then the block state records which triple quote is open).
    qsizetype highlightString(const QString &text, qsizetype start, qsizetype quote);
    qsizetype finishTripleString(const QString &text, qsizetype from, QChar quote);

    QTextCharFormat m_keyword;
    QTextCharFormat m_builtin;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
    QTextCharFormat m_metadata;
    QTextCharFormat m_decorator;
    QTextCharFormat m_definition;
};

} // namespace ascope
