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
    size_t streamed = 0;
    options.onOutput = [&streamed](Stream stream, std::string_view text) {
        writeChunk(stream, text);
        ++streamed;
    };

    const QByteArray path = QFile::encodeName(command.file);
    const RunResult result = runFile(std::string(path.constData(), size_t(path.size())), options);

    // Whatever the runner reported without streaming it (it should stream
    // everything) still reaches the terminal, after what was streamed.
    for (size_t i = streamed; i < result.output.size(); ++i)
        writeChunk(result.output[i].stream, result.output[i].text);
    return result.exitCode;
}

} // namespace ascope
