#include "scenario/runner.h"

#include "lang/diagnostic.h"
#include "lang/parser.h"
#include "asyncio/asyncio.h"
#include "runtime/interp.h"
#include "trace/serialize.h"

#include <fstream>
#include <sstream>

namespace ascope {

std::string RunResult::stdoutText() const {
    std::string s;
    for (const auto& c : output)
        if (c.stream == Stream::Stdout) s += c.text;
    return s;
}

std::string RunResult::stderrText() const {
    std::string s;
    for (const auto& c : output)
        if (c.stream == Stream::Stderr) s += c.text;
    return s;
}

namespace {

void emit(RunResult& r, const RunOptions& o, Stream s, std::string_view text) {
    if (text.empty()) return;
    if (!r.output.empty() && r.output.back().stream == s) r.output.back().text += text;
    else r.output.push_back(OutputChunk{s, std::string(text)});
    if (o.onOutput) o.onOutput(s, text);
}

// The last non-empty line of an error report.
std::string lastLine(std::string_view text) {
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    size_t nl = text.rfind('\n');
    return std::string(nl == std::string_view::npos ? text : text.substr(nl + 1));
}

RunError syntaxRunError(const lang::SyntaxError& e, const std::string& report) {
    return RunError{true, e.line, lastLine(report)};
}

}  // namespace

RunResult runSource(const std::string& filename, std::string_view source, const RunOptions& options) {
    RunResult result;
    lang::SyntaxError err;
    std::vector<lang::SyntaxWarning> warnings;
    std::unique_ptr<lang::Module> module = lang::parseModule(source, filename, &err, &warnings);
    for (const lang::SyntaxWarning& w : warnings)
        emit(result, options, Stream::Stderr, lang::formatSyntaxWarning(w, filename));
    if (!module) {
        std::string report = lang::formatSyntaxError(err, filename);
        emit(result, options, Stream::Stderr, report);
        result.error = syntaxRunError(err, report);
        result.exitCode = 1;
        return result;
    }
    rt::Interp in(options.maxSteps, options.memoryLimit);
    in.output = [&](bool isErr, std::string_view text) {
        emit(result, options, isErr ? Stream::Stderr : Stream::Stdout, text);
    };
    aio::installAsyncio(in);
    std::unique_ptr<trace::TraceRecorder> recorder;
    if (options.trace) {
        // The clock is read at every event: the state's address, not a lookup by name.
        const aio::AsyncioState* asyncio = &aio::state(in);
        recorder = std::make_unique<trace::TraceRecorder>(*options.trace, [asyncio] { return asyncio->clock; });
        in.recorder = recorder.get();
        if (options.maxEvents > 0) {
            const trace::Trace* t = options.trace;
            in.limitEvents([t] { return t->size(); }, options.maxEvents);
        }
    }
    // Whatever the interpreter's destructor still does is not part of the run.
    struct DetachRecorder {
        rt::Interp& in;
        ~DetachRecorder() { in.recorder = nullptr; }
    } detach{in};
    try {
        try {
            in.runModule(*module);
        } catch (const lang::SyntaxError& e) {
            std::string report = lang::formatSyntaxError(e, filename);
            emit(result, options, Stream::Stderr, report);
            result.error = syntaxRunError(e, report);
            result.exitCode = 1;
            return result;
        }
    } catch (rt::PyException& e) {
        rt::Value exc = e.exc;
        if (in.isInstance(exc, rt::types().SystemExit)) {
            rt::Value code = exc.as<rt::ExceptionObject>()->value;
            if (code.isNull() || code.isNone()) result.exitCode = 0;
            else if (code.isSmallInt()) result.exitCode = int(code.asInt() & 0xff);
            else {
                in.write(true, in.str(code) + "\n");
                result.exitCode = 1;
            }
        } else {
            std::string text;
            try {
                text = in.formatException(exc);
            } catch (rt::PyException&) {
                text = "Exception: <unprintable exception>\n";
            }
            in.write(true, text);
            result.exitCode = 1;
            RunError error{false, 0, lastLine(text)};
            if (auto* x = exc.as<rt::ExceptionObject>(); x && x->traceback && !x->traceback->empty())
                error.line = x->traceback->back().pos.line;
            result.error = std::move(error);
        }
    } catch (rt::AbortRun& a) {
        std::string text = a.message;
        while (!text.empty() && text.back() == '\n') text.pop_back();
        in.write(true, text + "\n");
        result.exitCode = a.message.rfind("*** deadlock", 0) == 0 ? 3 : 4;
        // the first line says what happened (a deadlock report lists the tasks after it)
        result.error = RunError{false, 0, text.substr(0, text.find('\n'))};
        return result;
    }
    try {
        aio::collectAtExit(in);
    } catch (rt::PyException&) {
    } catch (rt::AbortRun&) {
    }
    try {
        in.finish();
    } catch (rt::PyException&) {
    } catch (rt::AbortRun&) {
    }
    return result;
}

RunResult runFile(const std::string& path, const RunOptions& options) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        RunResult r;
        std::string msg = "python3: can't open file '" + path + "': [Errno 2] No such file or directory\n";
        emit(r, options, Stream::Stderr, msg);
        r.exitCode = 2;
        return r;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    return runSource(path, ss.str(), options);
}

std::string traceFile(const std::string& path, bool json) {
    std::string text;
    traceFile(path, json, [&text](std::string_view chunk) { text += chunk; });
    return text;
}

void traceFile(const std::string& path, bool json, const std::function<void(std::string_view)>& sink) {
    trace::Trace recorded;
    RunOptions options;
    options.trace = &recorded;
    RunResult result = runFile(path, options);
    if (recorded.empty()) {
        // Reported before the program started (unreadable file, syntax error).
        for (const OutputChunk& c : result.output)
            recorded.append(trace::outputEvent(c.text, c.stream == Stream::Stderr, recorded.size()));
    }
    if (json) trace::writeJson(recorded, sink);
    else trace::writeText(recorded, sink);
}

}  // namespace ascope
