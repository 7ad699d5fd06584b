// The player: where in the trace the window is, and how it moves.
//
// Why it is built this way: the player is the only part of the program that
// owns a timer for motion (DESIGN §3). Everything it decides is a triple
// (from, position, progress): the stage shows the transition from the state
// at `from` to the state at `position`, `progress` of the way through, and at
// progress 1 exactly the snapshot at `position`. Playing walks the pacing
// schedule (the same one the exporter uses, so a video shows what the window
// shows); stepping, by line, event, loop iteration or narration cue, jumps to
// the next stop and glides there; seeking (dragging the timeline) shows the
// state at once. Time comes in through `advance(ms)`, which the timer calls
// with wall-clock time and tests call with exact numbers.
#pragma once

#include "player/pacing.h"
#include "trace/navigation.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace ascope {

class Player : public QObject
{
    Q_OBJECT

public:
    static constexpr double kMinSpeed = 0.25;
    static constexpr double kMaxSpeed = 4.0;
    static constexpr double kStepMs = 280.0;  // a step glides this long (at speed 1) at most
    static constexpr int kFrameMs = 16;       // ~60 frames per second

    explicit Player(QObject *parent = nullptr);

    // A new run, described by its stops and pacing. With `keepPosition` the position is kept when it still exists (clamped to the
    // new trace's end), else the player goes to the start. Playing stops.
    void load(trace::StopIndex stops, Pacing pacing, bool keepPosition);

    size_t size() const { return m_stops.size(); }  // events in the trace
    size_t position() const { return m_position; }
    long from() const { return m_from; }             // -1: the state before the first event
    double progress() const { return m_progress; }
    bool isPlaying() const { return m_playing; }
    bool isAnimating() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    const trace::StopIndex &stops() const { return m_stops; }
    const Pacing &pacing() const { return m_pacing; }

    // Clamped to [kMinSpeed, kMaxSpeed].
    void setSpeed(double speed);

public slots:
    void play();
    void pause();
    void togglePlay();
    void stepForward(trace::Granularity granularity);
    void stepBack(trace::Granularity granularity);
    void goToStart();
    void goToEnd();
    // Shows the state at `position` at once (clamped), pausing playback.
    void seek(size_t position);
    // Moves time forward by `ms` of wall-clock time (scaled by the speed).
    void advance(double ms);

signals:
    void frameChanged();                 // from, position or progress changed: repaint
    void positionChanged(size_t position);
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void glideTo(size_t target);
    void setFrame(long from, size_t position, double progress);
    void startTimer();
    void tick();

    trace::StopIndex m_stops;
    Pacing m_pacing;
    size_t m_position = 0;
    long m_from = 0;
    double m_progress = 1.0;
    bool m_playing = false;
    double m_speed = 1.0;
    double m_playTime = 0.0;   // playback time (pacing ms) while playing
    double m_glideMs = 0.0;    // length of the current step glide (pacing ms)
    QTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace ascope
