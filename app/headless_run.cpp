#include "headless_run.h"

#include "scenario/runner.h"

#include <QFile>

#include <cstdio>

namespace ascope {

namespace {

void writeChunk(Stream stream, std::string_view text)
{
    std::FILE *out = stream == Stream::Stderr ? stderr : stdout;
    std::fwrite(text.data(), 1, text.size(), out);
    std::fflush(out);
}

} // namespace

int runHeadless(const CommandLine &command)
{
    RunOptions options;
    if (command.maxSteps >= 0)
        options.maxSteps = command.maxSteps;
    if (command.maxMemory >= 0)
        options.memoryLimit = command.maxMemory;
    bool streamed = false;
    options.onOutput = [&streamed](Stream stream, std::string_view text) {
        writeChunk(stream, text);
        streamed = true;
    };

    trace::Trace recorded;
    if (command.record)
        options.trace = &recorded;

    const QByteArray path = QFile::encodeName(command.file);
    const RunResult result = runFile(std::string(path.constData(), size_t(path.size())), options);

    // The runner streams every write through onOutput; should a result ever
    // come back with output that was not streamed at all, it is not lost.
    if (!streamed) {
        for (const OutputChunk &chunk : result.output)
            writeChunk(chunk.stream, chunk.text);
    }
    return result.exitCode;
}

} // namespace ascope
