#include "panels/code_view.h"

#include "panels/python_highlighter.h"
#include "render/theme.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QToolTip>

namespace ascope {

namespace {

constexpr int kIndentWidth = 4;
constexpr int kGutterPadding = 8;
constexpr int kMarkerWidth = 6;    // one task's bar in the gutter
constexpr int kMarkerSlots = 4;    // bars side by side before they overlap

class Gutter : public QWidget
{
public:
    explicit Gutter(CodeView *view)
        : QWidget(view)
        , m_view(view)
    {}

    QSize sizeHint() const override { return {m_view->gutterWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    CodeView *m_view;
};

} // namespace

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
    , m_highlighter(new PythonHighlighter(document()))
{
    const Theme &theme = Theme::standard();
    setFont(theme.codeFont());
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(QLatin1Char(' ')) * kIndentWidth);
    QPalette colours = palette();
    colours.setColor(QPalette::Base, theme.background);
    colours.setColor(QPalette::Text, theme.text);
    setPalette(colours);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeView::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeView::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, &CodeView::highlightCurrentLine);
    updateGutterWidth();
    highlightCurrentLine();
}

int CodeView::gutterWidth() const
{
    int digits = 1;
    for (int lines = qMax(1, blockCount()); lines >= 10; lines /= 10)
        ++digits;
    digits = qMax(digits, 3);
    return kGutterPadding * 2 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits
           + kMarkerWidth * kMarkerSlots;
}

void CodeView::updateGutterWidth()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
}

void CodeView::updateGutter(const QRect &rect, int dy)
{
    if (dy)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_gutter->setGeometry(QRect(area.left(), area.top(), gutterWidth(), area.height()));
}

void CodeView::paintGutter(QPaintEvent *event)
{
    const Theme &theme = Theme::standard();
    QPainter painter(m_gutter);
    painter.fillRect(event->rect(), theme.lineNumberBackground);
    painter.setFont(font());

    const int currentBlock = textCursor().blockNumber();
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    const int width = m_gutter->width() - kGutterPadding;
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int line = block.blockNumber() + 1;
            if (line == m_errorLine) {
                painter.fillRect(QRect(0, top, m_gutter->width(), bottom - top), theme.stderrText);
                painter.setPen(theme.background);
            } else {
                painter.setPen(block.blockNumber() == currentBlock ? theme.text : theme.lineNumber);
            }
            painter.drawText(kMarkerWidth * kMarkerSlots, top, width - kMarkerWidth * kMarkerSlots,
                             fontMetrics().height(), Qt::AlignRight, QString::number(line));
            // One bar per task at this line, in the task's colour; the
            // running task's bar is full height, the others inset.
            int slot = 0;
            for (const LineMarker &m : m_markers) {
                if (m.line != line)
                    continue;
                const int x = qMin(slot, kMarkerSlots - 1) * kMarkerWidth + 1;
                const int inset = m.running ? 0 : 3;
                painter.fillRect(QRect(x, top + inset, kMarkerWidth - 2, bottom - top - 2 * inset), m.colour);
                ++slot;
            }
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

void CodeView::highlightCurrentLine()
{
    updateSelections();
}

void CodeView::updateSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    QTextEdit::ExtraSelection current;
    current.format.setBackground(Theme::standard().currentLine);
    current.format.setProperty(QTextFormat::FullWidthSelection, true);
    current.cursor = textCursor();
    current.cursor.clearSelection();
    selections.append(current);
    auto wholeLine = [this](int line) {
        QTextCursor cursor(document()->findBlockByNumber(line - 1));
        cursor.clearSelection();
        return cursor;
    };
    for (const LineMarker &m : m_markers) {
        if (!m.running || m.line < 1 || m.line > blockCount())
            continue;
        QTextEdit::ExtraSelection running;
        QColor tint = m.colour;
        tint.setAlpha(60);
        running.format.setBackground(tint);
        running.format.setProperty(QTextFormat::FullWidthSelection, true);
        running.cursor = wholeLine(m.line);
        selections.append(running);
    }
    if (m_errorLine >= 1 && m_errorLine <= blockCount()) {
        QTextEdit::ExtraSelection error;
        error.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        error.format.setUnderlineColor(Theme::standard().stderrText);
        error.cursor = wholeLine(m_errorLine);
        error.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        selections.append(error);
    }
    setExtraSelections(selections);
    m_gutter->update();
}

void CodeView::setLineMarkers(const QList<LineMarker> &markers)
{
    if (markers == m_markers)
        return;
    m_markers = markers;
    updateSelections();
}

void CodeView::setErrorLine(int line, const QString &message)
{
    if (line == m_errorLine && message == m_errorMessage)
        return;
    m_errorLine = line;
    m_errorMessage = message;
    updateSelections();
}

void CodeView::revealLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    const QRectF r = blockBoundingGeometry(block).translated(contentOffset());
    const int margin = fontMetrics().height() * 3;
    if (r.top() < margin || r.bottom() > viewport()->height() - margin) {
        // Centre it, like an editor following a debugger.
        const int step = qMax(1, fontMetrics().height());
        verticalScrollBar()->setValue(verticalScrollBar()->value()
                                      + int((r.center().y() - viewport()->height() / 2.0) / step));
    }
}

bool CodeView::event(QEvent *event)
{
    // Tooltips over the gutter or the text of a marked line: who is there,
    // or why the run stopped.
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QTextBlock block = cursorForPosition(viewport()->mapFrom(this, help->pos())).block();
        const int line = block.blockNumber() + 1;
        QStringList lines;
        if (line == m_errorLine && !m_errorMessage.isEmpty())
            lines << m_errorMessage;
        for (const LineMarker &m : m_markers)
            if (m.line == line)
                lines << (m.running ? tr("%1 (running)").arg(m.label) : m.label);
        if (!lines.isEmpty())
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::event(event);
}

void CodeView::keyPressEvent(QKeyEvent *event)
{
    // Python is indented with spaces: Tab inserts them, Return keeps the
    // indentation of the current line and adds a level after a colon.
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier && !textCursor().hasSelection()) {
        const int column = textCursor().positionInBlock();
        insertPlainText(QString(kIndentWidth - column % kIndentWidth, QLatin1Char(' ')));
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !(event->modifiers() & ~Qt::KeypadModifier)) {
        const QString line = textCursor().block().text();
        const QString beforeCursor = line.left(textCursor().positionInBlock());
        qsizetype indent = 0;
        while (indent < line.size() && line.at(indent) == QLatin1Char(' '))
            ++indent;
        indent = qMin(indent, beforeCursor.size());
        if (beforeCursor.trimmed().endsWith(QLatin1Char(':')))
            indent += kIndentWidth;
        insertPlainText(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace ascope
