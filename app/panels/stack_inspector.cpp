#include "panels/stack_inspector.h"

#include "render/theme.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ascope {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QString stateText(const trace::TaskView &t)
{
    switch (t.state) {
    case trace::TaskState::Ready: return StackInspector::tr("ready");
    case trace::TaskState::Running: return StackInspector::tr("running");
    case trace::TaskState::Waiting:
        return t.awaitingLabel.empty() ? StackInspector::tr("waiting")
                                       : StackInspector::tr("waiting on %1").arg(q(t.awaitingLabel));
    case trace::TaskState::Done:
        return t.result.empty() ? StackInspector::tr("done") : StackInspector::tr("done → %1").arg(q(t.result));
    case trace::TaskState::Failed:
        return StackInspector::tr("failed: %1: %2").arg(q(t.exception.type), q(t.exception.message));
    case trace::TaskState::Cancelled: return StackInspector::tr("cancelled");
    }
    return {};
}

} // namespace

StackInspector::StackInspector(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tasks = new QComboBox(this);
    m_tasks->setObjectName(QStringLiteral("stackTaskChooser"));
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("stackTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("frame / name"), tr("line / value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setUniformRowHeights(true);
    m_tree->setFont(Theme::standard().codeFont());
    layout->addWidget(m_tasks);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    connect(m_tasks, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (m_updating || index < 0)
            return;
        m_requested = m_tasks->itemData(index).toULongLong();
        emit taskSelected(m_requested);
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int line = item->data(1, Qt::UserRole).toInt();
        if (line > 0)
            emit lineActivated(line);
    });
}

void StackInspector::show(const trace::Snapshot &snapshot, uint64_t task)
{
    m_updating = true;
    m_requested = task;
    const uint64_t shown = task ? task : snapshot.runningTask;
    const trace::TaskView *t = snapshot.task(shown);
    m_shown = t ? shown : 0;

    // The chooser: "running task" first, then every task that is not finished.
    m_tasks->clear();
    m_tasks->addItem(tr("Follow the running task"), QVariant::fromValue<qulonglong>(0));
    int current = 0;
    for (const trace::TaskView &v : snapshot.tasks) {
        m_tasks->addItem(QStringLiteral("%1 · %2 (%3)").arg(q(v.name), q(v.coroutine), q(std::string(trace::taskStateName(v.state)))),
                         QVariant::fromValue<qulonglong>(v.id));
        if (task != 0 && v.id == task)
            current = m_tasks->count() - 1;
    }
    m_tasks->setCurrentIndex(current);

    // Keep open what the user opened: frames are matched by id.
    QSet<qulonglong> collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (!item->isExpanded())
            collapsed.insert(item->data(0, Qt::UserRole).toULongLong());
    }
    m_tree->clear();
    const std::vector<trace::FrameView> &stack = t ? t->stack : snapshot.mainStack;
    if (t)
        m_summary->setText(QStringLiteral("<b>%1</b> — %2%3")
                               .arg(q(t->name).toHtmlEscaped(), stateText(*t).toHtmlEscaped(),
                                    t->cancelRequested ? tr(" · cancel requested") : QString()));
    else
        m_summary->setText(tr("<b>main code</b> (outside any task)"));
    // Innermost frame on top.
    for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
        auto *item = new QTreeWidgetItem(m_tree, {q(it->function), tr("line %1").arg(it->line)});
        item->setData(0, Qt::UserRole, QVariant::fromValue<qulonglong>(it->id));
        item->setData(1, Qt::UserRole, it->line);
        for (const auto &[name, repr] : it->locals)
            new QTreeWidgetItem(item, {q(name), q(repr)});
        item->setExpanded(!collapsed.contains(it->id));
    }
    const trace::ExceptionView &x = snapshot.inFlight;
    if (!x.type.empty() && (x.task == m_shown)) {
        auto *item = new QTreeWidgetItem(m_tree, {tr("exception in flight"), QStringLiteral("%1: %2").arg(q(x.type), q(x.message))});
        item->setForeground(1, Theme::standard().stderrText);
    }
    m_updating = false;
}

} // namespace ascope
