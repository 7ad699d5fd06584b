#include "scenario_catalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <algorithm>

namespace ascope {

QString languageCode(Language language)
{
    return language == Language::English ? QStringLiteral("en") : QStringLiteral("fr");
}

Language languageFromCode(const QString &code)
{
    return code == QLatin1String("en") ? Language::English : Language::French;
}

ScenarioHeader parseScenarioHeader(const QString &source)
{
    static const QRegularExpression titleLine(
        QStringLiteral(R"(^#\s*title\[([a-z]{2})\]\s*:\s*(.*\S)\s*$)"));
    static const QRegularExpression videoLine(QStringLiteral(R"(^#\s*video\s*:\s*(.*\S)\s*$)"));

    ScenarioHeader header;
    const QStringList lines = source.split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        if (!trimmed.startsWith(QLatin1Char('#')))
            break;
        if (const auto match = titleLine.match(trimmed); match.hasMatch()) {
            if (!header.titles.contains(match.captured(1)))
                header.titles.insert(match.captured(1), match.captured(2));
        } else if (const auto match = videoLine.match(trimmed); match.hasMatch()) {
            if (header.video.isEmpty())
                header.video = match.captured(1);
        }
    }
    return header;
}

QString ScenarioInfo::title(Language language) const
{
    const QString wanted = header.titles.value(languageCode(language));
    if (!wanted.isEmpty())
        return wanted;
    const Language other = language == Language::French ? Language::English : Language::French;
    const QString fallback = header.titles.value(languageCode(other));
    return fallback.isEmpty() ? fileName : fallback;
}

QString videoTitle(const QString &video, Language language)
{
    struct VideoTitle
    {
        const char *id;
        const char *french;
        const char *english;
    };
    static const VideoTitle titles[] = {
        {"V0", "Vidéo 0 · Présentation de la semaine", "Video 0 · This week"},
        {"V1", "Vidéo 1 · Introduction à la programmation asynchrone",
         "Video 1 · Introduction to asynchronous programming"},
        {"V2", "Vidéo 2 · Quelques exemples simples", "Video 2 · First examples"},
        {"V3", "Vidéo 3 · L'écosystème asyncio", "Video 3 · The asyncio ecosystem"},
        {"V4", "Vidéo 4 · Extensions asynchrones du langage",
         "Video 4 · Asynchronous extensions of the language"},
        {"V4b", "Vidéo 4b · Coroutines et awaitables", "Video 4b · Coroutines and awaitables"},
        {"V5", "Vidéo 5 · La boucle d'événements", "Video 5 · The event loop"},
        {"V6", "Vidéo 6 · Tâches et exceptions", "Video 6 · Tasks and exceptions"},
        {"V7", "Vidéo 7 · La librairie asyncio", "Video 7 · The asyncio library"},
        {"V8", "Vidéo 8 · Bonnes pratiques", "Video 8 · Good practice"},
        {"Ideas", "Idées", "Ideas"},
    };
    for (const VideoTitle &entry : titles) {
        if (video == QLatin1String(entry.id))
            return QString::fromUtf8(language == Language::French ? entry.french : entry.english);
    }
    if (video.isEmpty())
        return language == Language::French ? QStringLiteral("Autres") : QStringLiteral("Other");
    return video;
}

QString ScenarioCatalog::defaultDirectory()
{
    QStringList candidates;
    const QString fromEnvironment = qEnvironmentVariable("ASYNCSCOPE_SCENARIOS");
    if (!fromEnvironment.isEmpty())
        candidates << fromEnvironment;
    if (QCoreApplication::instance()) {
        const QString programDir = QCoreApplication::applicationDirPath();
        candidates << programDir + QStringLiteral("/scenarios")
                   << programDir + QStringLiteral("/../share/asyncscope/scenarios");
    }
#ifdef ASYNCSCOPE_SOURCE_SCENARIOS_DIR
    candidates << QStringLiteral(ASYNCSCOPE_SOURCE_SCENARIOS_DIR);
#endif
    for (const QString &candidate : std::as_const(candidates)) {
        const QFileInfo info(candidate);
        if (info.isDir())
            return info.canonicalFilePath();
    }
    return {};
}

ScenarioCatalog ScenarioCatalog::scan(const QString &directory)
{
    static const QRegularExpression numbered(QStringLiteral(R"(^(\d+)_)"));

    ScenarioCatalog catalog;
    if (directory.isEmpty())
        return catalog;
    const QDir dir(directory);
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.py")}, QDir::Files | QDir::Readable);
    for (const QFileInfo &file : files) {
        ScenarioInfo info;
        info.path = file.canonicalFilePath();
        info.fileName = file.fileName();
        if (const auto match = numbered.match(info.fileName); match.hasMatch())
            info.courseNumber = match.captured(1).toInt();
        QFile source(info.path);
        if (source.open(QIODevice::ReadOnly)) {
            // The header is at the top; 16 kB is plenty and bounds the work.
            auto decode = QStringDecoder(QStringDecoder::Utf8);
            info.header = parseScenarioHeader(decode(source.read(16 * 1024)));
        }
        catalog.m_scenarios.append(info);
    }
    std::sort(catalog.m_scenarios.begin(), catalog.m_scenarios.end(),
              [](const ScenarioInfo &a, const ScenarioInfo &b) {
                  if ((a.courseNumber == 0) != (b.courseNumber == 0))
                      return a.courseNumber != 0;   // numbered course scenarios first
                  if (a.courseNumber != b.courseNumber)
                      return a.courseNumber < b.courseNumber;
                  return a.fileName < b.fileName;
              });
    return catalog;
}

const ScenarioInfo *ScenarioCatalog::find(const QString &path) const
{
    const QString wanted = QFileInfo(path).canonicalFilePath();
    if (wanted.isEmpty())
        return nullptr;
    for (const ScenarioInfo &info : m_scenarios) {
        if (info.path == wanted)
            return &info;
    }
    return nullptr;
}

} // namespace ascope
