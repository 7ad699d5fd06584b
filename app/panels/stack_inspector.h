// The stack inspector: the frames of one task, innermost first, with their
// current lines and locals; what the task awaits and who awaits it.
//
// Why it is built this way: the stage shows every task's stack briefly; the
// inspector shows one in full, for the task the user selected (a click on
// its card, its timeline lane or the list here) or, when none is selected,
// the task on the CPU. It is a pure view of a snapshot: `show` replaces
// everything, and keeps which frames were expanded, so stepping does not
// collapse what the user opened.
#pragma once

#include "trace/snapshot.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QTreeWidget;

namespace ascope {

class StackInspector : public QWidget
{
    Q_OBJECT

public:
    explicit StackInspector(QWidget *parent = nullptr);

    // Shows `task` of `snapshot` (0: the running task, else the main code).
    void show(const trace::Snapshot &snapshot, uint64_t task);
    uint64_t shownTask() const { return m_shown; }
    QTreeWidget *tree() const { return m_tree; }

signals:
    // The user picked another task in the list (0: follow the running task).
    void taskSelected(uint64_t task);
    // The user activated a frame: its line.
    void lineActivated(int line);

private:
    QComboBox *m_tasks = nullptr;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
    uint64_t m_shown = 0;
    uint64_t m_requested = 0;
    bool m_updating = false;
};

} // namespace ascope
