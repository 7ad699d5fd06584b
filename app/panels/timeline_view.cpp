#include "panels/timeline_view.h"

#include "render/theme.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace ascope {

TimelineView::TimelineView(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::NoFocus);
    m_colourOf = [](uint64_t task) {
        static const QColor fallback[] = {QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9), QColor(0x00, 0x9E, 0x73),
                                          QColor(0xF0, 0xE4, 0x42), QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00)};
        return fallback[(task + 5) % 6];
    };
}

void TimelineView::setTimeline(trace::Timeline timeline, size_t events)
{
    m_timeline = std::move(timeline);
    m_events = events;
    m_playhead = std::min(m_playhead, events ? double(events - 1) : 0.0);
    update();
}

void TimelineView::setTaskColours(std::function<QColor(uint64_t)> colourOf)
{
    m_colourOf = std::move(colourOf);
    update();
}

void TimelineView::setPlayhead(long from, size_t position, double progress)
{
    const double start = from < 0 ? 0.0 : double(from);
    const double x = start + (double(position) - start) * std::clamp(progress, 0.0, 1.0);
    if (x == m_playhead)
        return;
    m_playhead = x;
    update();
}

void TimelineView::setSelectedTask(uint64_t task)
{
    if (task == m_selected)
        return;
    m_selected = task;
    update();
}

double TimelineView::xOf(double position) const
{
    const double left = kLabelWidth;
    const double width = std::max(1, this->width() - kLabelWidth - 4);
    if (m_events <= 1)
        return left;
    return left + position / double(m_events - 1) * width;
}

size_t TimelineView::positionAt(double x) const
{
    if (m_events == 0)
        return 0;
    const double width = std::max(1, this->width() - kLabelWidth - 4);
    const double p = (x - kLabelWidth) / width * double(m_events - 1);
    return size_t(std::clamp(std::lround(p), 0L, long(m_events - 1)));
}

int TimelineView::laneHeight() const
{
    const int lanes = int(m_timeline.tasks.size()) + 1;
    const int available = height() - kAxisHeight - 2;
    return std::clamp(available / std::max(1, lanes), kMinLaneHeight, kMaxLaneHeight);
}

int TimelineView::visibleLanes() const
{
    const int total = int(m_timeline.tasks.size());
    const int h = laneHeight();
    const int fit = (height() - kAxisHeight - 2) / h - 1;  // minus the loop's lane
    if (fit >= total)
        return total;
    return std::max(0, fit - 1);  // one lane's room for "+N tasks"
}

int TimelineView::laneTop(int index) const
{
    return kAxisHeight + index * laneHeight();
}

void TimelineView::paintLane(QPainter &p, const trace::Lane &lane, int top, int height, QColor colour) const
{
    const int inner = std::max(2, height - 3);
    const double minWidth = 1.0;
    for (const trace::Segment &s : lane.segments) {
        const double x0 = xOf(double(s.begin));
        const double x1 = std::max(x0 + minWidth, xOf(double(std::min(s.end, m_events))));
        QRectF r(x0, top + 1, x1 - x0, inner);
        switch (s.state) {
        case trace::LaneState::Running: p.fillRect(r, colour); break;
        case trace::LaneState::Ready: {
            QColor light = colour;
            light.setAlpha(90);
            p.fillRect(r, light);
            break;
        }
        case trace::LaneState::Waiting: {
            QColor line = colour;
            line.setAlpha(200);
            p.fillRect(QRectF(x0, top + 1 + inner / 2.0 - 1, x1 - x0, 2), line);
            break;
        }
        case trace::LaneState::Selecting: {
            QColor grey(0x9a, 0x9a, 0x9a);
            p.fillRect(QRectF(x0, top + 1 + inner / 2.0 - 1, x1 - x0, 2), grey);
            break;
        }
        case trace::LaneState::Idle: break;
        }
    }
    // Where the task ended: a mark telling how (shape, not colour alone).
    if (lane.task != 0 && lane.ended != SIZE_MAX) {
        const double x = xOf(double(lane.ended));
        const QRectF mark(x - inner / 2.0, top + 1, inner, inner);
        p.setPen(QPen(Theme::standard().text, 1.5));
        if (lane.outcome == trace::TaskState::Failed) {
            p.setBrush(QColor(0xC0, 0x1C, 0x28));
            p.drawEllipse(mark);
        } else if (lane.outcome == trace::TaskState::Cancelled) {
            p.drawLine(mark.topLeft(), mark.bottomRight());
            p.drawLine(mark.topRight(), mark.bottomLeft());
        } else {
            p.drawLine(QPointF(x, top + 1), QPointF(x, top + 1 + inner));
        }
        p.setBrush(Qt::NoBrush);
    }
}

void TimelineView::paintEvent(QPaintEvent *)
{
    const Theme &theme = Theme::standard();
    QPainter p(this);
    p.fillRect(rect(), theme.background);
    p.setRenderHint(QPainter::Antialiasing, false);
    QFont font = theme.uiFont();
    p.setFont(font);
    const int h = laneHeight();
    const bool labels = h >= 12;

    // The clock axis: the loop time where it changes, without overlaps.
    p.setPen(theme.lineNumber);
    double lastLabelEnd = -1e9;
    double lastClock = -1.0;
    for (size_t i = 0; i < m_timeline.clock.size(); ++i) {
        const double c = m_timeline.clock[i];
        if (c == lastClock)
            continue;
        lastClock = c;
        const double x = xOf(double(i));
        const QString text = QString::number(c, 'f', c == std::floor(c) ? 0 : 2) + QStringLiteral(" s");
        const int w = p.fontMetrics().horizontalAdvance(text);
        p.drawLine(QPointF(x, kAxisHeight - 5), QPointF(x, kAxisHeight));
        if (x >= lastLabelEnd + 6 && x + w < width()) {
            p.drawText(QPointF(x + 2, kAxisHeight - 6), text);
            lastLabelEnd = x + w;
        }
    }

    // The loop, then the tasks.
    auto label = [&](int top, const QString &text, QColor colour, bool selected) {
        if (!labels)
            return;
        QRect r(4, top, kLabelWidth - 8, h);
        if (selected)
            p.fillRect(QRect(0, top, kLabelWidth - 2, h), theme.currentLine);
        p.fillRect(QRect(4, top + h / 2 - 4, 8, 8), colour);
        p.setPen(theme.text);
        p.drawText(r.adjusted(14, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                   p.fontMetrics().elidedText(text, Qt::ElideRight, r.width() - 14));
    };
    label(laneTop(0), tr("loop"), QColor(0x55, 0x55, 0x55), false);
    paintLane(p, m_timeline.loop, laneTop(0), h, QColor(0x33, 0x33, 0x33));
    const int shown = visibleLanes();
    for (int k = 0; k < shown; ++k) {
        const trace::Lane &lane = m_timeline.tasks[size_t(k)];
        const QColor colour = m_colourOf(lane.task);
        const int top = laneTop(k + 1);
        if (lane.task == m_selected)
            p.fillRect(QRect(kLabelWidth, top, width() - kLabelWidth, h), theme.currentLine);
        label(top, QString::fromStdString(lane.name), colour, lane.task == m_selected);
        paintLane(p, lane, top, h, colour);
    }
    const int hidden = int(m_timeline.tasks.size()) - shown;
    if (hidden > 0) {
        p.setPen(theme.consoleNote);
        p.drawText(QRect(4, laneTop(shown + 1), width() - 8, std::max(h, p.fontMetrics().height())),
                   Qt::AlignVCenter | Qt::AlignLeft, tr("+%n more task(s)", nullptr, hidden));
    }

    // The playhead.
    const double x = xOf(m_playhead);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(QPen(theme.stderrText, 2));
    p.drawLine(QPointF(x, 0), QPointF(x, height()));
    QPainterPath knob;
    knob.moveTo(x - 6, 0);
    knob.lineTo(x + 6, 0);
    knob.lineTo(x, 8);
    knob.closeSubpath();
    p.fillPath(knob, theme.stderrText);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPointF pos = event->position();
    if (pos.x() < kLabelWidth) {
        const int index = int((pos.y() - kAxisHeight) / laneHeight()) - 1;
        if (index >= 0 && index < visibleLanes())
            emit taskClicked(m_timeline.tasks[size_t(index)].task);
        return;
    }
    m_dragging = true;
    emit seekRequested(positionAt(pos.x()));
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging)
        emit seekRequested(positionAt(event->position().x()));
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragging && event->button() == Qt::LeftButton) {
        m_dragging = false;
        emit seekRequested(positionAt(event->position().x()));
    }
}

} // namespace ascope
