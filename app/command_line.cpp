#include "command_line.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>

#include <limits>

namespace ascope {

namespace {

const QString kRunCommand = QStringLiteral("run");

const QString kTraceCommand = QStringLiteral("trace");
const QString kExportCommand = QStringLiteral("export");

// Options that take a value, as written on the command line.
bool takesValue(const QString &argument)
{
    static const QStringList withValue = {QStringLiteral("--max-steps"), QStringLiteral("--max-memory"),
                                          QStringLiteral("--screenshot"), QStringLiteral("-o"),
                                          QStringLiteral("--output"), QStringLiteral("--at"),
                                          QStringLiteral("--size"), QStringLiteral("--lang"),
                                          QStringLiteral("--progress"), QStringLiteral("--theme")};
    return withValue.contains(argument);
}

CommandLine error(const QString &message)
{
    CommandLine result;
    result.mode = CommandLine::Mode::Error;
    result.message = QStringLiteral("asyncscope: ") + message;
    return result;
}

} // namespace

QString usageText()
{
    return QStringLiteral(
        "Usage:\n"
        "  asyncscope [options]                  open the window on the first course scenario\n"
        "  asyncscope [options] FILE.py          open the window on FILE.py\n"
        "  asyncscope run [options] FILE.py      run FILE.py headless: print what `python3 FILE.py`\n"
        "                                        prints, and exit with its exit status\n"
        "  asyncscope trace [--json] FILE.py     run FILE.py headless and print its event trace\n"
        "                                        (one line per event, or JSON)\n"
        "  asyncscope export FILE.py -o OUT.png --at STEP\n"
        "                                        run FILE.py headless and write the stage's frame\n"
        "                                        after event STEP (as `trace` numbers them)\n"
        "\n"
        "Options (before FILE.py; what follows FILE.py belongs to the scenario):\n"
        "  --max-steps N        stop a runaway program after N steps (0: never; default: about\n"
        "                       10 s of work for `run`, less in the window); exit status 4\n"
        "  --max-memory BYTES   memory budget of the program, e.g. 512M or 2G (0: none;\n"
        "                       default 2G); beyond it the program gets a MemoryError\n"
        "  --screenshot PNG     (window) save a picture of the window after the first run, then quit\n"
        "  --record             (run) record the event trace in memory as the window does, then\n"
        "                       discard it (to time a run with recording on)\n"
        "  -o, --output FILE    (export) the image to write (.png)\n"
        "  --at STEP            (export) the event to show (default: the last one)\n"
        "  --size WxH           (export) frame size in pixels (default 1920x1080)\n"
        "  --lang fr|en         (export) language of the stage (default fr)\n"
        "  --progress P         (export) how far event STEP has played, 0 to 1 (default 1)\n"
        "  --theme NAME         (export) standard or projector (default standard)\n"
        "  -h, --help           show this help\n"
        "  -v, --version        show the version\n");
}

int64_t parseByteCount(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^(\d+)\s*([kmg]?)(i?b)?$)"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch() || (match.captured(3).size() > 0 && match.captured(2).isEmpty()
                              && match.captured(3).compare(QLatin1String("b"), Qt::CaseInsensitive) != 0))
        return -1;
    bool ok = false;
    const qulonglong digits = match.captured(1).toULongLong(&ok);
    if (!ok)
        return -1;
    int shift = 0;
    const QString unit = match.captured(2).toLower();
    if (unit == QLatin1String("k"))
        shift = 10;
    else if (unit == QLatin1String("m"))
        shift = 20;
    else if (unit == QLatin1String("g"))
        shift = 30;
    if (digits > (qulonglong(std::numeric_limits<int64_t>::max()) >> shift))
        return -1;
    return int64_t(digits << shift);
}

CommandLine parseCommandLine(const QStringList &arguments)
{
    // Split the arguments: [program] [run] [options...] [FILE.py] [scenario arguments...].
    // The first word that is neither an option nor an option's value is the
    // command "run" (only in first place) or the file; the rest is the
    // scenario's — except for export, whose options may also follow the file.
    QStringList own = {arguments.value(0, QStringLiteral("asyncscope"))};
    bool run = false;
    bool trace = false;
    bool exportFrame = false;
    QStringList exportExtras;
    int fileIndex = -1;
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            if (i + 1 < arguments.size())
                fileIndex = i + 1;
            break;
        }
        if (argument.startsWith(QLatin1Char('-')) && argument.size() > 1) {
            own << argument;
            if (takesValue(argument) && i + 1 < arguments.size())
                own << arguments.at(++i);
            continue;
        }
        if (i == 1 && argument == kRunCommand) {
            run = true;
            continue;
        }
        if (i == 1 && argument == kTraceCommand) {
            trace = true;
            continue;
        }
        if (i == 1 && argument == kExportCommand) {
            exportFrame = true;
            continue;
        }
        // export's options may follow the file (the run gets no arguments).
        if (exportFrame) {
            if (fileIndex < 0)
                fileIndex = i;
            else
                exportExtras << argument;
            continue;
        }
        fileIndex = i;
        break;
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QString());
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QString());
    const QCommandLineOption maxSteps(QStringLiteral("max-steps"), QString(), QStringLiteral("N"));
    const QCommandLineOption maxMemory(QStringLiteral("max-memory"), QString(), QStringLiteral("BYTES"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"), QString(), QStringLiteral("PNG"));
    const QCommandLineOption json(QStringLiteral("json"), QString());
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QString(), QStringLiteral("FILE"));
    const QCommandLineOption at(QStringLiteral("at"), QString(), QStringLiteral("STEP"));
    const QCommandLineOption size(QStringLiteral("size"), QString(), QStringLiteral("WxH"));
    const QCommandLineOption lang(QStringLiteral("lang"), QString(), QStringLiteral("LANG"));
    const QCommandLineOption progress(QStringLiteral("progress"), QString(), QStringLiteral("P"));
    const QCommandLineOption theme(QStringLiteral("theme"), QString(), QStringLiteral("NAME"));
    parser.addOptions({help, version, maxSteps, maxMemory, screenshot, json, output, at, size, lang, progress, theme});
    const QCommandLineOption record(QStringLiteral("record"), QString());
    parser.addOption(record);
    if (!parser.parse(own))
        return error(parser.errorText().replace(QLatin1Char('\n'), QLatin1Char(' ')) + QStringLiteral(" (try --help)"));

    CommandLine result;
    if (parser.isSet(help)) {
        result.mode = CommandLine::Mode::Help;
        result.message = usageText();
        return result;
    }
    if (parser.isSet(version)) {
        result.mode = CommandLine::Mode::Version;
        result.message = QStringLiteral("asyncscope " ASYNCSCOPE_VERSION);
        return result;
    }
    if (parser.isSet(maxSteps)) {
        bool ok = false;
        result.maxSteps = parser.value(maxSteps).toLongLong(&ok);
        if (!ok || result.maxSteps < 0)
            return error(QStringLiteral("--max-steps needs a whole number of steps, 0 or more, not '%1'")
                             .arg(parser.value(maxSteps)));
    }
    if (parser.isSet(maxMemory)) {
        result.maxMemory = parseByteCount(parser.value(maxMemory));
        if (result.maxMemory < 0)
            return error(QStringLiteral("--max-memory needs a number of bytes such as 500000000, 512M or 2G, not '%1'")
                             .arg(parser.value(maxMemory)));
    }
    result.screenshot = parser.value(screenshot);
    result.record = parser.isSet(record);
    if (result.record && !run)
        return error(QStringLiteral("--record is for the run command: asyncscope run --record FILE.py"));
    result.json = parser.isSet(json);
    if (result.json && !trace)
        return error(QStringLiteral("--json is for the trace command: asyncscope trace --json FILE.py"));
    // A window screenshot may also choose the position, the window size and the language.
    const bool windowShot = !result.screenshot.isEmpty() && !run && !trace && !exportFrame;
    for (const QCommandLineOption *option : {&output, &at, &size, &lang, &progress, &theme}) {
        const bool forShot = option == &at || option == &size || option == &lang;
        if (parser.isSet(*option) && !exportFrame && !(windowShot && forShot))
            return error(QStringLiteral("--%1 is for the export command: asyncscope export FILE.py -o OUT.png --at STEP")
                             .arg(option->names().constLast()));
    }

    if (fileIndex >= 0) {
        result.file = arguments.at(fileIndex);
        const QStringList scenarioArguments = exportFrame ? exportExtras : arguments.mid(fileIndex + 1);
        if (!scenarioArguments.isEmpty())
            return error(QStringLiteral("arguments for the scenario are not supported yet (got '%1' after %2); "
                                        "asyncscope's own options go before the file")
                             .arg(scenarioArguments.join(QLatin1Char(' ')), result.file));
    }

    if (trace) {
        if (result.file.isEmpty())
            return error(QStringLiteral("trace: which file? usage: asyncscope trace [--json] FILE.py"));
        if (!result.screenshot.isEmpty())
            return error(QStringLiteral("--screenshot is for the window, not for trace"));
        result.mode = CommandLine::Mode::Trace;
        return result;
    }
    if (exportFrame) {
        if (result.file.isEmpty())
            return error(QStringLiteral("export: which file? usage: asyncscope export FILE.py -o OUT.png --at STEP"));
        if (!result.screenshot.isEmpty())
            return error(QStringLiteral("--screenshot is for the window, not for export"));
        result.output = parser.value(output);
        if (result.output.isEmpty())
            return error(QStringLiteral("export: where to? give the image to write with -o OUT.png"));
        if (!result.output.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
            return error(QStringLiteral("export: only PNG frames are written for now, not '%1'").arg(result.output));
        if (parser.isSet(at)) {
            bool ok = false;  // (the window's --screenshot reads --at the same way, below)
            result.at = parser.value(at).toLongLong(&ok);
            if (!ok || result.at < 0)
                return error(QStringLiteral("--at needs an event number, 0 or more, not '%1'").arg(parser.value(at)));
        }
        if (parser.isSet(size)) {
            static const QRegularExpression pattern(QStringLiteral(R"(^(\d{2,5})[xX](\d{2,5})$)"));
            const QRegularExpressionMatch match = pattern.match(parser.value(size));
            result.width = match.hasMatch() ? match.captured(1).toInt() : 0;
            result.height = match.hasMatch() ? match.captured(2).toInt() : 0;
            if (result.width < 320 || result.height < 200 || result.width > 7680 || result.height > 4320)
                return error(QStringLiteral("--size needs WIDTHxHEIGHT between 320x200 and 7680x4320, such as "
                                            "1920x1080, not '%1'")
                                 .arg(parser.value(size)));
        }
        if (parser.isSet(lang)) {
            result.language = parser.value(lang);
            if (result.language != QLatin1String("fr") && result.language != QLatin1String("en"))
                return error(QStringLiteral("--lang needs fr or en, not '%1'").arg(result.language));
        }
        if (parser.isSet(progress)) {
            bool ok = false;
            result.progress = parser.value(progress).toDouble(&ok);
            if (!ok || !(result.progress >= 0.0 && result.progress <= 1.0))
                return error(QStringLiteral("--progress needs a number from 0 to 1, not '%1'").arg(parser.value(progress)));
        }
        if (parser.isSet(theme)) {
            result.theme = parser.value(theme);
            if (result.theme != QLatin1String("standard") && result.theme != QLatin1String("projector"))
                return error(QStringLiteral("--theme needs standard or projector, not '%1'").arg(result.theme));
        }
        result.mode = CommandLine::Mode::Export;
        return result;
    }
    if (run) {
        if (result.file.isEmpty())
            return error(QStringLiteral("run: which file? usage: asyncscope run [options] FILE.py"));
        if (!result.screenshot.isEmpty())
            return error(QStringLiteral("--screenshot is for the window, not for run"));
        result.mode = CommandLine::Mode::Run;
        return result;
    }

    result.mode = CommandLine::Mode::Window;
    if (windowShot) {
        if (parser.isSet(at)) {
            bool ok = false;
            result.at = parser.value(at).toLongLong(&ok);
            if (!ok || result.at < 0)
                return error(QStringLiteral("--at needs an event number, 0 or more, not '%1'").arg(parser.value(at)));
        }
        if (parser.isSet(size)) {
            static const QRegularExpression pattern(QStringLiteral(R"(^(\d{3,4})[xX](\d{3,4})$)"));
            const QRegularExpressionMatch match = pattern.match(parser.value(size));
            if (!match.hasMatch())
                return error(QStringLiteral("--size needs WIDTHxHEIGHT, such as 1920x1080, not '%1'").arg(parser.value(size)));
            result.width = match.captured(1).toInt();
            result.height = match.captured(2).toInt();
        }
        if (parser.isSet(lang)) {
            result.language = parser.value(lang);
            if (result.language != QLatin1String("fr") && result.language != QLatin1String("en"))
                return error(QStringLiteral("--lang needs fr or en, not '%1'").arg(result.language));
        }
    }
    if (!result.file.isEmpty() && !QFileInfo::exists(result.file)) {
        if (!result.file.endsWith(QLatin1String(".py")) && !result.file.contains(QLatin1Char('/')))
            return error(QStringLiteral("'%1' is neither a command (run, trace, export) nor a file; try --help").arg(result.file));
        // The message CPython gives for a missing script, with the absolute path.
        return error(QStringLiteral("can't open file '%1': [Errno 2] No such file or directory")
                         .arg(QFileInfo(result.file).absoluteFilePath()));
    }
    if (!result.file.isEmpty() && QFileInfo(result.file).isDir())
        return error(QStringLiteral("'%1' is a directory, not a scenario file").arg(result.file));
    return result;
}

} // namespace ascope
