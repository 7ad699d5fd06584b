// The console: what the scenario wrote, stdout and stderr in write order.
//
// Why it is built this way: the interpreter hands back the output as chunks
// tagged with their stream, in the order they were written; the console shows
// them interleaved exactly in that order, stderr in red, so a traceback
// appears where CPython would print it. It is filled after a run returns,
// never from inside one (no painting while the interpreter runs).
#pragma once

#include "scenario/runner.h"

#include <QPlainTextEdit>

#include <vector>

namespace ascope {

class ConsoleView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ConsoleView(QWidget *parent = nullptr);

    // Replaces the console's content with `output`.
    void showOutput(const std::vector<OutputChunk> &output);
    // Appends a line of the console's own (not program output), dimmed.
    void appendNote(const QString &note);

    // Everything one stream wrote in the run shown, concatenated.
    QString streamText(Stream stream) const;

    // More output than this is cut, with a note: a runaway print loop must
    // not make the window unusable.
    static constexpr size_t kMaxShownBytes = size_t(4) << 20;

private:
    void appendText(const QString &text, Stream stream);

    std::vector<OutputChunk> m_output;
};

} // namespace ascope
