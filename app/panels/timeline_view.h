// The timeline: one lane per task (running / ready / waiting) plus the
// loop's own lane, and a playhead you can drag.
//
// Why it is built this way: the lanes are `trace::buildTimeline`, a pure view
// of the trace computed once per run; this widget only maps positions (event
// indices) to pixels and back. The playhead follows the player's transition
// (from, position, progress), so it glides with the stage; a press or a drag
// asks the player to seek, which keeps the player the only owner of motion.
// When lanes do not fit, they get thinner down to a minimum, then the last
// lanes are summed up as "+N tasks" rather than drawn illegibly.
#pragma once

#include "trace/navigation.h"

#include <QColor>
#include <QWidget>

#include <functional>

namespace ascope {

class TimelineView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kLabelWidth = 110;
    static constexpr int kMaxLaneHeight = 22;
    static constexpr int kMinLaneHeight = 12;   // enough for its name; lanes that do not fit are counted
    static constexpr int kAxisHeight = 18;

    explicit TimelineView(QWidget *parent = nullptr);

    void setTimeline(trace::Timeline timeline, size_t events);
    const trace::Timeline &timeline() const { return m_timeline; }
    void setTaskColours(std::function<QColor(uint64_t)> colourOf);
    // The playhead: between `from` and `position`, `progress` of the way.
    void setPlayhead(long from, size_t position, double progress);
    // Marks the lane of `task` as selected (0: none).
    void setSelectedTask(uint64_t task);

    // Geometry, public for tests: the x of a position and back, the lanes shown.
    double xOf(double position) const;
    size_t positionAt(double x) const;
    int visibleLanes() const;  // task lanes drawn (the loop's lane not counted)
    int laneHeight() const;

    QSize sizeHint() const override { return {800, 150}; }
    QSize minimumSizeHint() const override { return {300, 70}; }

signals:
    void seekRequested(size_t position);
    void taskClicked(uint64_t task);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void paintLane(QPainter &p, const trace::Lane &lane, int top, int height, QColor colour) const;
    int laneTop(int index) const;  // index 0: the loop's lane

    trace::Timeline m_timeline;
    size_t m_events = 0;
    std::function<QColor(uint64_t)> m_colourOf;
    double m_playhead = 0.0;
    uint64_t m_selected = 0;
    bool m_dragging = false;
};

} // namespace ascope
