#include "player/run_scheduler.h"

namespace ascope {

RunScheduler::RunScheduler(QObject *parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleDelayMs);
    connect(&m_settle, &QTimer::timeout, this, [this] {
        emit editsSettled();
        if (m_autoRun)
            emit runRequested();
    });
}

void RunScheduler::setAutoRun(bool enabled)
{
    m_autoRun = enabled;
}

void RunScheduler::editHappened()
{
    m_settle.start();   // restarts the quiet period
}

void RunScheduler::runNow()
{
    m_settle.stop();
    emit runRequested();
}

void RunScheduler::cancelPending()
{
    m_settle.stop();
}

} // namespace ascope
