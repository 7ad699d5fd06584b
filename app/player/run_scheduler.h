// When to run the scenario: now, or once the edits have settled.
//
// Why it is built this way: the player is the only part of the program that
// owns timers (DESIGN §3), and deciding when a run happens is the first thing
// it does: "Run" asks for a run now; an edit asks for one after a quiet period
// (kSettleDelayMs) so that typing a word does not run the scenario six times.
// The scheduler only decides *when*; whoever listens to runRequested() runs,
// and whoever listens to editsSettled() can keep a copy of the edits.
#pragma once

#include <QObject>
#include <QTimer>

namespace ascope {

class RunScheduler : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSettleDelayMs = 80;

    explicit RunScheduler(QObject *parent = nullptr);

    // When off, edits never cause a run (editsSettled() still comes); only
    // runNow() does.
    void setAutoRun(bool enabled);
    bool autoRun() const { return m_autoRun; }

    // A run once no edit has come for kSettleDelayMs (if auto-run is on).
    void editHappened();
    // A run right away (also cancels a pending settled run).
    void runNow();
    // Forget a pending settled run (e.g. another file was opened).
    void cancelPending();
    bool hasPendingRun() const { return m_settle.isActive(); }

signals:
    // No edit came for kSettleDelayMs after the last one.
    void editsSettled();
    void runRequested();

private:
    QTimer m_settle;
    bool m_autoRun = true;
};

} // namespace ascope
