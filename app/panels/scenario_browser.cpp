#include "panels/scenario_browser.h"

#include <QHeaderView>
#include <QSignalBlocker>

namespace ascope {

namespace {

constexpr int kPathRole = Qt::UserRole + 1;

} // namespace

ScenarioBrowser::ScenarioBrowser(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(1);
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTextElideMode(Qt::ElideRight);
    // Single click opens: the browser is a table of contents, not a file manager.
    connect(this, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty() && !m_updating && path != m_currentPath)
            emit scenarioActivated(path);
    });
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString path = item->data(0, kPathRole).toString();
        if (!path.isEmpty() && !m_updating && path != m_currentPath)
            emit scenarioActivated(path);
    });
}

void ScenarioBrowser::setCatalog(const ScenarioCatalog &catalog)
{
    m_catalog = catalog;
    rebuild();
}

void ScenarioBrowser::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    rebuild();
}

void ScenarioBrowser::setCurrentScenario(const QString &path)
{
    const ScenarioInfo *info = m_catalog.find(path);
    m_currentPath = info ? info->path : QString();
    m_updating = true;
    clearSelection();
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem *video = topLevelItem(i);
        for (int j = 0; j < video->childCount(); ++j) {
            QTreeWidgetItem *item = video->child(j);
            const bool current = !m_currentPath.isEmpty() && item->data(0, kPathRole).toString() == m_currentPath;
            QFont font = item->font(0);
            font.setBold(current);
            item->setFont(0, font);
            if (current) {
                setCurrentItem(item);
                scrollToItem(item);
            }
        }
    }
    m_updating = false;
}

void ScenarioBrowser::rebuild()
{
    m_updating = true;
    clear();
    QTreeWidgetItem *videoItem = nullptr;
    QString videoId;
    for (const ScenarioInfo &info : m_catalog.scenarios()) {
        // Scenarios are in course order, so a video's scenarios are adjacent;
        // a video that comes back later in the course gets a second branch.
        if (!videoItem || info.header.video != videoId) {
            videoId = info.header.video;
            videoItem = new QTreeWidgetItem(this, {videoTitle(videoId, m_language)});
            videoItem->setFlags(Qt::ItemIsEnabled);
            videoItem->setToolTip(0, videoItem->text(0));
            videoItem->setExpanded(true);
        }
        const QString number = info.courseNumber > 0
            ? QStringLiteral("%1  ").arg(info.courseNumber, 2, 10, QLatin1Char('0'))
            : QString();
        auto *item = new QTreeWidgetItem(videoItem, {number + info.title(m_language)});
        item->setData(0, kPathRole, info.path);
        item->setToolTip(0, info.fileName);
    }
    expandAll();
    m_updating = false;
    setCurrentScenario(m_currentPath);
}

} // namespace ascope
