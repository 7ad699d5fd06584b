#include "player/player.h"

#include <algorithm>

namespace ascope {

Player::Player(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(kFrameMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Player::tick);
}

void Player::load(trace::StopIndex stops, Pacing pacing, bool keepPosition)
{
    pause();
    m_timer.stop();
    const size_t old = m_position;
    m_stops = std::move(stops);
    m_pacing = std::move(pacing);
    const size_t n = m_stops.size();
    const size_t target = keepPosition && n > 0 ? std::min(old, n - 1) : 0;
    setFrame(long(target), target, 1.0);
    if (target != old)
        emit positionChanged(target);
    emit frameChanged();
}

void Player::setSpeed(double speed)
{
    speed = std::clamp(speed, kMinSpeed, kMaxSpeed);
    if (speed == m_speed)
        return;
    m_speed = speed;
    emit speedChanged(speed);
}

void Player::play()
{
    if (m_playing || size() == 0)
        return;
    // From the end, play starts again from the beginning.
    if (m_position + 1 >= size() && m_progress >= 1.0)
        m_playTime = 0.0;
    else if (m_progress >= 1.0)
        m_playTime = m_pacing.start(m_position + 1);
    else
        m_playTime = m_pacing.start(m_position) + m_progress * m_pacing.duration(m_position);
    m_playing = true;
    emit playingChanged(true);
    startTimer();
    advance(0.0);
}

void Player::pause()
{
    if (!m_playing)
        return;
    m_playing = false;
    // Finish the transition on screen: a paused frame is always a snapshot.
    setFrame(m_from, m_position, 1.0);
    m_timer.stop();
    emit playingChanged(false);
    emit frameChanged();
}

void Player::togglePlay()
{
    if (m_playing)
        pause();
    else
        play();
}

void Player::stepForward(trace::Granularity granularity)
{
    pause();
    glideTo(m_stops.next(m_position, granularity));
}

void Player::stepBack(trace::Granularity granularity)
{
    pause();
    glideTo(m_stops.previous(m_position, granularity));
}

void Player::goToStart()
{
    pause();
    glideTo(0);
}

void Player::goToEnd()
{
    pause();
    glideTo(size() == 0 ? 0 : size() - 1);
}

void Player::seek(size_t position)
{
    pause();
    m_timer.stop();
    if (size() == 0)
        return;
    position = std::min(position, size() - 1);
    const bool moved = position != m_position;
    setFrame(long(position), position, 1.0);
    if (moved)
        emit positionChanged(position);
    emit frameChanged();
}

void Player::glideTo(size_t target)
{
    if (size() == 0)
        return;
    target = std::min(target, size() - 1);
    if (target == m_position && m_progress >= 1.0)
        return;
    // One event forward: its own transition, paced like playback. Anything
    // else (back, or several events at once): one glide between the states.
    const bool single = target == m_position + 1;
    const double d = single ? m_pacing.duration(target) : kStepMs;
    m_glideMs = std::min(d, kStepMs);
    setFrame(long(m_position), target, m_glideMs > 0 ? 0.0 : 1.0);
    emit positionChanged(target);
    emit frameChanged();
    if (m_glideMs > 0)
        startTimer();
}

void Player::advance(double ms)
{
    const double scaled = std::max(0.0, ms) * m_speed;
    if (m_playing) {
        m_playTime += scaled;
        const PlaybackPoint p = m_pacing.at(m_playTime);
        const size_t old = m_position;
        setFrame(long(p.position) - 1, p.position, p.progress);
        if (p.position != old)
            emit positionChanged(p.position);
        emit frameChanged();
        if (m_playTime >= m_pacing.total())
            pause();
        return;
    }
    if (m_progress >= 1.0)
        return;
    const double progress = m_glideMs > 0 ? std::min(1.0, m_progress + scaled / m_glideMs) : 1.0;
    setFrame(m_from, m_position, progress);
    emit frameChanged();
    if (progress >= 1.0)
        m_timer.stop();
}

void Player::setFrame(long from, size_t position, double progress)
{
    m_from = from;
    m_position = position;
    m_progress = progress;
}

void Player::startTimer()
{
    m_clock.start();
    if (!m_timer.isActive())
        m_timer.start();
}

void Player::tick()
{
    const double ms = double(m_clock.restart());
    advance(ms);
    if (!m_playing && m_progress >= 1.0)
        m_timer.stop();
}

} // namespace ascope
