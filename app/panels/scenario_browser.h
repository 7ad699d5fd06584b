// The scenario browser: the course scenarios grouped by video, with titles in
// the chosen language.
//
// Why it is built this way: the lecturer and the student both navigate the
// course by video, so the tree has one branch per video in course order and,
// under it, the scenarios by course number. It only lists and selects; opening
// a file (and asking about unsaved edits first) is the window's job.
#pragma once

#include "scenario_catalog.h"

#include <QTreeWidget>

namespace ascope {

class ScenarioBrowser : public QTreeWidget
{
    Q_OBJECT

public:
    explicit ScenarioBrowser(QWidget *parent = nullptr);

    void setCatalog(const ScenarioCatalog &catalog);
    const ScenarioCatalog &catalog() const { return m_catalog; }

    void setLanguage(Language language);
    Language language() const { return m_language; }

    // Marks `path` as the open scenario (no selection if it is not listed).
    // Does not emit scenarioActivated.
    void setCurrentScenario(const QString &path);

signals:
    // The user picked a scenario.
    void scenarioActivated(const QString &path);

private:
    void rebuild();

    ScenarioCatalog m_catalog;
    Language m_language = Language::French;
    QString m_currentPath;
    bool m_updating = false;
};

} // namespace ascope
