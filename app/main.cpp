// asyncscope: the window, or a headless command (see command_line.h).
#include "command_line.h"
#include "export/frame_export.h"
#include "headless_run.h"
#include "scenario/runner.h"
#include "main_window.h"
#include "player/player.h"
#include "render/theme.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace {

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("asyncscope"));
    QCoreApplication::setApplicationName(QStringLiteral("asyncscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ASYNCSCOPE_VERSION));
}

// Qt aborts with a core dump when it finds no display; say it in one line instead.
bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

int runWindow(int argc, char **argv, const ascope::CommandLine &command)
{
#ifdef Q_OS_LINUX
    if (!hasDisplay()) {
        std::fputs("asyncscope: no display to open the window on (DISPLAY is not set); "
                   "run a file headless with: asyncscope run FILE.py\n",
                   stderr);
        return 2;
    }
#endif
    QApplication app(argc, argv);
    ascope::Theme::loadBundledFonts();
    QApplication::setFont(ascope::Theme::standard().uiFont());

    ascope::MainWindow window;
    window.setRunLimits(command.maxSteps, command.maxMemory);
    window.setInteractive(command.screenshot.isEmpty());
    if (!command.screenshot.isEmpty()) {
        // A picture for the README or a lecture: size, language and position as asked.
        window.setLanguage(ascope::languageFromCode(command.language));
        window.resize(command.width, command.height);
    }
    if (command.file.isEmpty())
        window.openStartupScenario();
    else if (!window.openScenario(command.file))
        return 2;
    window.show();

    if (!command.screenshot.isEmpty()) {
        // Give the window time to lay itself out and paint once, then grab it.
        if (command.at >= 0)
            window.player()->seek(size_t(command.at));
        QTimer::singleShot(300, &window, [&window, &command] {
            const bool saved = window.grab().toImage().save(command.screenshot, "PNG");
            if (!saved)
                std::fprintf(stderr, "asyncscope: could not write %s\n", qPrintable(command.screenshot));
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    setApplicationNames();
    const ascope::CommandLine command = ascope::parseCommandLine(argumentsOf(argc, argv));
    switch (command.mode) {
    case ascope::CommandLine::Mode::Help:
        std::fputs(qPrintable(command.message), stdout);
        return 0;
    case ascope::CommandLine::Mode::Version:
        std::fputs(qPrintable(command.message + QLatin1Char('\n')), stdout);
        return 0;
    case ascope::CommandLine::Mode::Error:
        std::fputs(qPrintable(command.message + QLatin1Char('\n')), stderr);
        return 2;
    case ascope::CommandLine::Mode::Run: {
        // No QApplication: this must work without a display.
        QCoreApplication app(argc, argv);
        return ascope::runHeadless(command);
    }
    case ascope::CommandLine::Mode::Trace: {
        QCoreApplication app(argc, argv);
        const QByteArray path = QFile::encodeName(command.file);
        ascope::traceFile(std::string(path.constData(), size_t(path.size())), command.json,
                          [](std::string_view chunk) { std::fwrite(chunk.data(), 1, chunk.size(), stdout); });
        return 0;
    }
    case ascope::CommandLine::Mode::Export: {
        // Painting needs a QGuiApplication; the offscreen platform needs no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // The offscreen platform complains about a missing XDG_RUNTIME_DIR,
        // which an export never uses: keep stderr for what matters.
        static const QtMessageHandler previous = qInstallMessageHandler(nullptr);
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message.contains(QLatin1String("XDG_RUNTIME_DIR")))
                return;
            if (previous)
                previous(type, context, message);
            else
                std::fprintf(stderr, "%s\n", qPrintable(message));
        });
        QGuiApplication app(argc, argv);
        ascope::Theme::loadBundledFonts();
        return ascope::exportFrame(command);
    }
    case ascope::CommandLine::Mode::Window:
        break;
    }
    return runWindow(argc, argv, command);
}
