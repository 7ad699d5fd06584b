#include "panels/console_view.h"

#include "render/theme.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace ascope {

ConsoleView::ConsoleView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    const Theme &theme = Theme::standard();
    setReadOnly(true);
    setUndoRedoEnabled(false);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(theme.codeFont());
    QPalette colours = palette();
    colours.setColor(QPalette::Base, theme.background);
    colours.setColor(QPalette::Text, theme.text);
    setPalette(colours);
}

void ConsoleView::showOutput(const std::vector<OutputChunk> &output)
{
    clear();
    m_output = output;
    size_t shown = 0;
    for (const OutputChunk &chunk : output) {
        if (shown + chunk.text.size() > kMaxShownBytes) {
            appendNote(tr("[output truncated: the console shows the first %1 MB]").arg(kMaxShownBytes >> 20));
            break;
        }
        shown += chunk.text.size();
        appendText(QString::fromUtf8(chunk.text.data(), qsizetype(chunk.text.size())), chunk.stream);
    }
    moveCursor(QTextCursor::End);
    ensureCursorVisible();
}

void ConsoleView::appendNote(const QString &note)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    if (!document()->isEmpty() && !document()->lastBlock().text().isEmpty())
        cursor.insertText(QStringLiteral("\n"));
    QTextCharFormat format;
    format.setForeground(Theme::standard().consoleNote);
    cursor.insertText(note + QLatin1Char('\n'), format);
}

void ConsoleView::appendText(const QString &text, Stream stream)
{
    QTextCursor cursor(document());
    cursor.movePosition(QTextCursor::End);
    QTextCharFormat format;
    format.setForeground(stream == Stream::Stderr ? Theme::standard().stderrText : Theme::standard().text);
    cursor.insertText(text, format);
}

QString ConsoleView::streamText(Stream stream) const
{
    std::string text;
    for (const OutputChunk &chunk : m_output) {
        if (chunk.stream == stream)
            text += chunk.text;
    }
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace ascope
