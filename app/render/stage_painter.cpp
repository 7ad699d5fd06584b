#include "render/stage_painter.h"

#include "render/stage_fonts.h"

#include <QPainter>
#include <QPainterPath>
#include <QHash>
#include <QStaticText>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace ascope {

namespace {

QPen pen(const QColor &colour, double width, bool dashed)
{
    QPen p(colour, width);
    p.setCapStyle(Qt::RoundCap);
    p.setJoinStyle(Qt::RoundJoin);
    if (dashed)
        p.setDashPattern({4, 3});
    return p;
}

// Qt's dash stroker is slow on long curves (a third of a millisecond for one
// arrow across the stage); dashes cut by hand and drawn as plain lines cost a
// fifth of that. `points` is an open polyline.
QVector<QLineF> dashes(const QPolygonF &points, double on, double off)
{
    QVector<QLineF> lines;
    double phase = 0;
    bool drawing = true;
    for (int i = 1; i < points.size(); ++i) {
        const QPointF a = points[i - 1], b = points[i];
        const double length = QLineF(a, b).length();
        double at = 0;
        while (at < length - 1e-9) {
            const double run = std::min((drawing ? on : off) - phase, length - at);
            if (drawing)
                lines << QLineF(a + (b - a) * (at / length), a + (b - a) * ((at + run) / length));
            at += run;
            phase += run;
            if (phase >= (drawing ? on : off) - 1e-9) {
                phase = 0;
                drawing = !drawing;
            }
        }
    }
    return lines;
}

QVector<QLineF> segments(const QPolygonF &points)
{
    QVector<QLineF> lines;
    lines.reserve(points.size());
    for (int i = 1; i < points.size(); ++i)
        lines << QLineF(points[i - 1], points[i]);
    return lines;
}

QPolygonF roundedOutline(const QRectF &r, double radius)
{
    QPainterPath path;
    path.addRoundedRect(r, radius, radius);
    const QList<QPolygonF> polygons = path.toSubpathPolygons();
    return polygons.isEmpty() ? QPolygonF() : polygons.first();
}

void paintBox(QPainter &p, const StageItem &item, const Theme &theme, double pulse)
{
    if (item.focus) {
        QColor halo = theme.stage.highlight;
        halo.setAlphaF(float(0.55 + 0.4 * pulse));
        const double grow = theme.sizes.focusLine + 2;
        p.setPen(Qt::NoPen);
        p.setBrush(halo);
        p.drawRoundedRect(item.rect.adjusted(-grow, -grow, grow, grow), item.radius + grow, item.radius + grow);
    }
    const bool hasFill = item.fill.isValid() && item.fill.alpha() > 0;
    const bool hasStroke = item.stroke.isValid() && item.stroke.alpha() > 0 && item.strokeWidth > 0;
    const double w = hasStroke ? item.strokeWidth : 0;
    p.setPen(Qt::NoPen);
    if (hasStroke && !item.dashed && hasFill && item.fill.alpha() == 255 && p.opacity() >= 1) {
        // A solid border as two fills: half the cost of stroking a rounded outline.
        p.setBrush(item.stroke);
        p.drawRoundedRect(item.rect, item.radius, item.radius);
        p.setBrush(item.fill);
        p.drawRoundedRect(item.rect.adjusted(w, w, -w, -w), std::max(0.0, item.radius - w), std::max(0.0, item.radius - w));
        return;
    }
    if (hasFill) {
        p.setBrush(item.fill);
        p.drawRoundedRect(item.rect, item.radius, item.radius);
    }
    if (!hasStroke)
        return;
    const QRectF r = item.rect.adjusted(w / 2, w / 2, -w / 2, -w / 2);
    if (item.dashed) {
        QPen pen(item.stroke, w);
        pen.setCapStyle(Qt::FlatCap);
        p.setPen(pen);
        p.drawLines(dashes(roundedOutline(r, std::max(0.0, item.radius - w / 2)), 4 * w, 3 * w));
        return;
    }
    p.setBrush(Qt::NoBrush);
    p.setPen(pen(item.stroke, w, false));
    p.drawRoundedRect(r, std::max(0.0, item.radius - w / 2), std::max(0.0, item.radius - w / 2));
}

double alignedX(const QRectF &rect, double width, int align)
{
    if (align & Qt::AlignHCenter)
        return rect.left() + (rect.width() - width) / 2;
    if (align & Qt::AlignRight)
        return rect.right() - width;
    return rect.left();
}

double baselineY(const QRectF &rect, const QFontMetricsF &fm)
{
    return rect.top() + (rect.height() + fm.ascent() - fm.descent()) / 2;
}

// Shaped texts, kept between frames: most of a stage's texts do not change
// from one frame to the next, and shaping is half the cost of drawing them.
class TextCache
{
public:
    struct Entry
    {
        QStaticText text;
        double width = 0;
    };
    const Entry &get(const QString &text, const QFont &font, const QFontMetricsF &fm, StageFont role, bool bold,
                     const QTransform &transform)
    {
        if (m_transform != transform || m_entries.size() > 6000) {
            m_entries.clear();
            m_transform = transform;
        }
        const Key key{text, int(role) * 2 + (bold ? 1 : 0), &fm};
        auto it = m_entries.find(key);
        if (it == m_entries.end()) {
            Entry entry;
            entry.text = QStaticText(text);
            entry.text.setTextFormat(Qt::PlainText);
            entry.text.setPerformanceHint(QStaticText::AggressiveCaching);
            entry.text.prepare(transform, font);
            entry.width = fm.horizontalAdvance(text);
            it = m_entries.insert(key, entry);
        }
        return it.value();
    }

private:
    struct Key
    {
        QString text;
        int font;
        const QFontMetricsF *metrics;   // which theme's fonts
        bool operator==(const Key &o) const { return font == o.font && metrics == o.metrics && text == o.text; }
    };
    friend size_t qHash(const Key &k, size_t seed) { return qHashMulti(seed, k.text, k.font, quintptr(k.metrics)); }
    QHash<Key, Entry> m_entries;
    QTransform m_transform;
};

TextCache &textCache()
{
    thread_local TextCache cache;   // per thread, as StageFonts
    return cache;
}

void paintText(QPainter &p, const StageItem &item, const StageFonts &fonts)
{
    if (item.text.isEmpty())
        return;
    const QFontMetricsF &fm = fonts.metrics(item.font, item.bold);
    const QFont &font = fonts.font(item.font, item.bold);
    const TextCache::Entry *entry = &textCache().get(item.text, font, fm, item.font, item.bold, p.transform());
    double width = entry->width;
    if (width > item.rect.width() + 0.5) {
        entry = &textCache().get(fm.elidedText(item.text, Qt::ElideRight, item.rect.width()), font, fm, item.font,
                                 item.bold, p.transform());
        width = entry->width;
    }
    const QPointF at(alignedX(item.rect, width, item.align), baselineY(item.rect, fm));
    p.setFont(font);
    p.setPen(item.stroke);
    p.drawStaticText(QPointF(at.x(), at.y() - fm.ascent()), entry->text);
    if (item.strike) {
        const double y = at.y() - fm.strikeOutPos();
        p.setPen(pen(item.stroke, std::max(1.5, fm.lineWidth()), false));
        p.drawLine(QPointF(at.x() - 2, y), QPointF(at.x() + width + 2, y));
    }
}

void paintCounter(QPainter &p, const StageItem &item, const StageFonts &fonts)
{
    const QFontMetricsF &fm = fonts.metrics(item.font, item.bold);
    p.setFont(fonts.font(item.font, item.bold));
    p.setPen(item.stroke);
    const double base = baselineY(item.rect, fm);
    if (item.roll >= 1 || item.fromValue == item.value) {
        const QString text = QString::number(item.value, 'f', item.decimals);
        p.drawText(QPointF(alignedX(item.rect, fm.horizontalAdvance(text), item.align), base), text);
        return;
    }
    // Digits of DejaVu Sans all have one advance: columns line up.
    const double digitW = fm.horizontalAdvance(QLatin1Char('0'));
    const double dotW = fm.horizontalAdvance(QLatin1Char('.'));
    const double lineH = fm.height();
    const std::vector<OdometerColumn> columns = odometer(item.fromValue, item.value, item.roll, item.decimals);
    p.save();
    p.setClipRect(item.rect.adjusted(-digitW * 4, 2, 0, -2));
    double x = item.rect.right();
    for (size_t k = 0; k < columns.size(); ++k) {
        if (item.decimals > 0 && int(k) == item.decimals) {
            x -= dotW;
            p.drawText(QPointF(x, base), QStringLiteral("."));
        }
        x -= digitW;
        const OdometerColumn &c = columns[k];
        p.drawText(QPointF(x, base - c.turn * lineH), QString::number(c.digit));
        if (c.turn > 0)
            p.drawText(QPointF(x, base + (1 - c.turn) * lineH), QString::number((c.digit + 1) % 10));
    }
    p.restore();
}

void paintLine(QPainter &p, const StageItem &item)
{
    const QPointF a = item.rect.topLeft();
    const QPointF b(item.rect.left() + item.rect.width(), item.rect.top() + item.rect.height());
    p.setPen(pen(item.stroke, item.strokeWidth, item.dashed));
    p.drawLine(a, b);
    if (keyRole(item.key) == ItemRole::TimerStem) {
        p.setPen(Qt::NoPen);
        p.setBrush(item.stroke);
        p.drawEllipse(b, 5, 5);
    }
}

void paintMarker(QPainter &p, const StageItem &item)
{
    QPainterPath path;
    path.moveTo(item.rect.topLeft());
    path.lineTo(item.rect.topRight());
    path.lineTo(QPointF(item.rect.center().x(), item.rect.bottom()));
    path.closeSubpath();
    p.setPen(Qt::NoPen);
    p.fillPath(path, item.fill);
}

// Where an arrow leaves `a` and reaches `b`, and in which direction.
void arrowEnds(const QRectF &a, const QRectF &b, QPointF &start, QPointF &end, QPointF &dirStart, QPointF &dirEnd)
{
    const double overlapTop = std::max(a.top(), b.top()), overlapBottom = std::min(a.bottom(), b.bottom());
    const double overlapLeft = std::max(a.left(), b.left()), overlapRight = std::min(a.right(), b.right());
    const double dx = std::max({b.left() - a.right(), a.left() - b.right(), 0.0});
    const double dy = std::max({b.top() - a.bottom(), a.top() - b.bottom(), 0.0});
    if (dx > 0 && dx >= dy) {
        const bool right = b.left() >= a.right();
        const double ya = overlapBottom > overlapTop ? (overlapTop + overlapBottom) / 2 : a.center().y();
        const double yb = overlapBottom > overlapTop ? ya : b.center().y();
        start = QPointF(right ? a.right() : a.left(), ya);
        end = QPointF(right ? b.left() : b.right(), yb);
        dirStart = dirEnd = QPointF(right ? 1 : -1, 0);
        return;
    }
    const bool down = b.center().y() >= a.center().y();
    // Upwards it crosses the top of a region, whose label is on the left:
    // right of the middle, it keeps clear of it.
    const double at = down ? 0.5 : 0.75;
    const double xa = overlapRight > overlapLeft && (overlapRight - overlapLeft) > 20
        ? overlapLeft + (overlapRight - overlapLeft) * at
        : a.center().x();
    const double xb = overlapRight > overlapLeft && (overlapRight - overlapLeft) > 20 ? xa : b.center().x();
    start = QPointF(xa, down ? a.bottom() : a.top());
    end = QPointF(xb, down ? b.top() : b.bottom());
    dirStart = dirEnd = QPointF(0, down ? 1 : -1);
}

// A wake-up arrow leaves what a task awaits downwards and enters the timer
// from its side, so that it never runs through the timer chips stacked above.
void wakeEnds(const QRectF &a, const QRectF &b, QPointF &start, QPointF &end, QPointF &dirStart, QPointF &dirEnd,
              bool alwaysDown = false)
{
    const bool down = alwaysDown || b.center().y() >= a.center().y();
    start = QPointF(a.center().x(), down ? a.bottom() : a.top());
    dirStart = QPointF(0, down ? 1 : -1);
    const bool fromLeft = a.center().x() <= b.center().x();
    end = QPointF(fromLeft ? b.left() : b.right(), b.center().y());
    dirEnd = QPointF(fromLeft ? 1 : -1, 0);
}

void paintArrow(QPainter &p, const StageArrow &arrow, const QRectF &from, const QRectF &to, const QColor &casing)
{
    QPointF start, end, d0, d1;
    // A pill's arrow to something beside it leaves downwards, as a wake-up
    // arrow does: straight across, it would run along the other cards' pills.
    const bool below = to.top() >= from.bottom() && to.left() < from.right() && to.right() > from.left();
    const bool above = to.bottom() <= from.top();   // on the CPU or in READY: straight up
    if (arrow.kind == StageArrow::Kind::WokenBy || (arrow.kind == StageArrow::Kind::Waits && !below && !above))
        wakeEnds(from, to, start, end, d0, d1, arrow.kind == StageArrow::Kind::Waits);
    else
        arrowEnds(from, to, start, end, d0, d1);
    if (arrow.kind == StageArrow::Kind::Waits && !below && to.bottom() >= from.top() && to.top() <= from.bottom()) {
        // Beside it on the same row: a U under the row, into the target's bottom edge.
        end = QPointF(std::clamp(from.center().x(), to.left() + 24, to.right() - 24), to.bottom());
        if (std::abs(end.x() - start.x()) < 40)
            end.setX(to.center().x());
        d1 = QPointF(0, -1);
    }
    const double length = std::hypot(end.x() - start.x(), end.y() - start.y());
    if (length < 4)
        return;
    const double pull = std::min(length * 0.45, 140.0);
    const double head = 8 + arrow.width * 2.5;
    // Stop the line where the head begins.
    const QPointF tip = end;
    const QPointF lineEnd = end - d1 * head * 0.8;
    // The curve, flattened here and drawn as plain segments (see dashes()).
    const QPointF c1 = start + d0 * pull, c2 = lineEnd - d1 * pull;
    const int steps = std::clamp(int(length / 24), 4, 40);
    QPolygonF curve;
    curve.reserve(steps + 1);
    for (int i = 0; i <= steps; ++i) {
        const double t = double(i) / steps, u = 1 - t;
        curve << start * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + lineEnd * (t * t * t);
    }
    p.setOpacity(p.opacity() * arrow.opacity);
    p.setBrush(Qt::NoBrush);
    if (casing.isValid()) {
        // A casing in the background colour: where the arrow crosses a card,
        // the line stays distinct from the text under it.
        QPen casingPen(casing, arrow.width + 5);
        casingPen.setCapStyle(Qt::FlatCap);
        p.setPen(casingPen);
        p.drawLines(segments(curve));
    }
    QPen linePen(arrow.colour, arrow.width);
    linePen.setCapStyle(arrow.dashed ? Qt::FlatCap : Qt::RoundCap);
    p.setPen(linePen);
    p.drawLines(arrow.dashed ? dashes(curve, 4 * arrow.width, 3 * arrow.width) : segments(curve));
    const QPointF normal(-d1.y(), d1.x());
    QPolygonF triangle;
    triangle << tip << tip - d1 * head + normal * head * 0.55 << tip - d1 * head - normal * head * 0.55;
    p.setPen(Qt::NoPen);
    p.setBrush(arrow.colour);
    p.drawPolygon(triangle);
}

} // namespace

std::vector<OdometerColumn> odometer(double from, double to, double roll, int decimals)
{
    const double unit = std::pow(10.0, decimals);
    const double r = std::clamp(roll, 0.0, 1.0);
    const double n = std::max(0.0, (from + (to - from) * r) * unit);
    const double widest = std::max(std::fabs(from), std::fabs(to)) * unit;
    int count = decimals + 1;
    while (count < 18 && std::pow(10.0, count) <= widest + 0.5)
        ++count;
    std::vector<OdometerColumn> columns;
    for (int k = 0; k < count; ++k) {
        const double place = std::pow(10.0, k);
        const double p = std::floor(n / place + 1e-9);
        OdometerColumn c;
        c.digit = int(std::fmod(p, 10.0));
        if (k == 0) {
            c.turn = std::clamp(n - std::floor(n + 1e-9), 0.0, 1.0);
        } else {
            const double low = std::fmod(n, place);
            c.turn = std::clamp(low - (place - 1), 0.0, 1.0);
        }
        if (c.turn < 1e-6)
            c.turn = 0;
        // A leading zero that is not turning is not shown.
        if (k > decimals && p < 1 && c.turn == 0)
            break;
        columns.push_back(c);
    }
    return columns;
}

void paintStage(QPainter &p, const StageGeometry &g, const Theme &theme, double pulse)
{
    const StageFonts &fonts = StageFonts::of(theme);
    std::unordered_map<ItemKey, QRectF> rects;
    rects.reserve(g.items.size() * 2);
    for (const StageItem &item : g.items)
        rects.emplace(item.key, item.rect);

    // Arrows go over the cards (layer 5), those marked `under` beneath them (layer 2).
    constexpr int kArrowLayer = 5, kUnderLayer = 2;
    bool arrowsDone = false, underDone = false;
    auto drawArrows = [&](bool under) {
        for (const StageArrow &arrow : g.arrows) {
            auto a = rects.find(arrow.from), b = rects.find(arrow.to);
            if (arrow.under != under || a == rects.end() || b == rects.end() || arrow.opacity <= 0.003)
                continue;
            p.setOpacity(1);
            paintArrow(p, arrow, a->second, b->second, under ? QColor() : theme.stage.cardFill);
        }
        p.setOpacity(1);
        (under ? underDone : arrowsDone) = true;
    };
    for (const StageItem &item : g.items) {
        if (!underDone && item.z >= kUnderLayer)
            drawArrows(true);
        if (!arrowsDone && item.z >= kArrowLayer)
            drawArrows(false);
        if (item.opacity <= 0.003)
            continue;
        p.setOpacity(std::min(1.0, item.opacity));
        const bool clipped = !item.clip.isNull();
        if (clipped) {
            p.save();
            p.setClipRect(item.clip, Qt::IntersectClip);
        }
        switch (item.shape) {
        case StageItem::Shape::Box: paintBox(p, item, theme, pulse); break;
        case StageItem::Shape::Text: paintText(p, item, fonts); break;
        case StageItem::Shape::Counter: paintCounter(p, item, fonts); break;
        case StageItem::Shape::Line: paintLine(p, item); break;
        case StageItem::Shape::Marker: paintMarker(p, item); break;
        }
        if (clipped)
            p.restore();
    }
    if (!underDone)
        drawArrows(true);
    if (!arrowsDone)
        drawArrows(false);
    p.setOpacity(1);
}

} // namespace ascope
