// The course scenarios shipped in scenarios/, as the scenario browser lists them.
//
// Why it is built this way: a scenario is a plain .py file named NN_name.py,
// where NN is its row in the course catalogue (COURSE.md), and its metadata
// lives in its leading comment block (DESIGN §5):
//     # title[fr]: Deux tâches qui dorment
//     # title[en]: Two sleeping tasks
//     # video: V2
// The catalogue only reads those comments; it never runs anything. Reading
// the narration cues belongs to the core scenario module, with the trace.
#pragma once

#include <QList>
#include <QMap>
#include <QString>

namespace ascope {

enum class Language { French, English };

QString languageCode(Language language);          // "fr", "en"
Language languageFromCode(const QString &code);   // anything but "en" is French

struct ScenarioHeader
{
    QMap<QString, QString> titles;   // language code -> title
    QString video;                   // "V2", "V4b", "V5/V6", "" when absent
};

// Reads the metadata of a scenario's leading comment block: the lines before
// the first line that is neither blank nor a comment. Unknown keys and
// malformed lines are ignored; a key given twice keeps its first value.
ScenarioHeader parseScenarioHeader(const QString &source);

struct ScenarioInfo
{
    QString path;          // canonical absolute path of the .py file
    QString fileName;      // "05_two_sleepers.py"
    int courseNumber = 0;  // NN of NN_name.py; 0 when the name has no number
    ScenarioHeader header;

    // The title in `language`, else in the other language, else the file name.
    QString title(Language language) const;
};

// The course's video titles ("V2" -> "Vidéo 2 · Quelques exemples simples"),
// or `video` itself when it is not one of the course's videos.
QString videoTitle(const QString &video, Language language);

class ScenarioCatalog
{
public:
    // The scenarios/ directory: $ASYNCSCOPE_SCENARIOS, else scenarios/ beside
    // the program, else ../share/asyncscope/scenarios beside it, else the
    // source tree's scenarios/. Empty when none of them exists.
    static QString defaultDirectory();

    // Lists every *.py file of `directory`, sorted by course number, then by
    // file name. An unreadable or missing directory gives an empty catalogue.
    static ScenarioCatalog scan(const QString &directory);

    const QList<ScenarioInfo> &scenarios() const { return m_scenarios; }
    const ScenarioInfo *find(const QString &path) const;

private:
    QList<ScenarioInfo> m_scenarios;
};

} // namespace ascope
