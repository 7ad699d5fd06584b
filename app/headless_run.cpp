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

    // ASYNCSCOPE_TRACE_STATS=1: what the recorded trace holds (for the benchmarks).
    if (command.record && qEnvironmentVariableIntValue("ASYNCSCOPE_TRACE_STATS")) {
        const size_t events = recorded.size(), bytes = recorded.byteSize();
        std::fprintf(stderr, "trace: %zu events, %.1f MB, %.1f bytes per event; %zu strings, %.1f MB\n", events,
                     double(bytes) / 1e6, events ? double(bytes) / double(events) : 0.0, recorded.strings().size(),
                     double(recorded.strings().byteSize()) / 1e6);
    }

    // The runner streams every write through onOutput; should a result ever
    // come back with output that was not streamed at all, it is not lost.
    if (!streamed) {
        for (const OutputChunk &chunk : result.output)
            writeChunk(chunk.stream, chunk.text);
    }
    return result.exitCode;
}

} // namespace ascope
