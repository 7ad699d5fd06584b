#include "render/stage_geometry.h"

#include <algorithm>
#include <unordered_map>

namespace ascope {

namespace {

using KeyIndex = std::unordered_map<ItemKey, size_t>;

KeyIndex indexOf(const StageGeometry &g)
{
    KeyIndex index;
    index.reserve(g.items.size() * 2);
    for (size_t i = 0; i < g.items.size(); ++i)
        index.emplace(g.items[i].key, i);
    return index;
}

// Absolute rectangles of every item of `g`, in item order.
std::vector<QRectF> absoluteRects(const StageGeometry &g, const KeyIndex &index)
{
    std::vector<QRectF> abs(g.items.size());
    for (size_t i = 0; i < g.items.size(); ++i) {
        const StageItem &item = g.items[i];
        QRectF r = item.rect;
        if (item.parent != 0) {
            auto p = index.find(item.parent);
            if (p != index.end() && p->second < i)
                r.translate(abs[p->second].topLeft());
        }
        abs[i] = r;
    }
    return abs;
}

double lerp(double a, double b, double u) { return a + (b - a) * u; }

QRectF lerp(const QRectF &a, const QRectF &b, double u)
{
    return QRectF(lerp(a.x(), b.x(), u), lerp(a.y(), b.y(), u), lerp(a.width(), b.width(), u),
                  lerp(a.height(), b.height(), u));
}

QColor lerp(const QColor &a, const QColor &b, double u)
{
    if (!a.isValid() && !b.isValid())
        return QColor();
    if (!a.isValid()) {
        QColor c = b;
        c.setAlphaF(float(b.alphaF() * u));
        return c;
    }
    if (!b.isValid()) {
        QColor c = a;
        c.setAlphaF(float(a.alphaF() * (1 - u)));
        return c;
    }
    if (a == b)
        return a;
    return QColor::fromRgbF(float(lerp(a.redF(), b.redF(), u)), float(lerp(a.greenF(), b.greenF(), u)),
                            float(lerp(a.blueF(), b.blueF(), u)), float(lerp(a.alphaF(), b.alphaF(), u)));
}

} // namespace

const StageItem *StageGeometry::find(ItemKey key) const
{
    for (const StageItem &item : items)
        if (item.key == key)
            return &item;
    return nullptr;
}

QRectF StageGeometry::absoluteRect(ItemKey key) const
{
    const StageItem *item = find(key);
    if (!item)
        return QRectF();
    QRectF r = item->rect;
    if (item->parent != 0)
        r.translate(absoluteRect(item->parent).topLeft());
    return r;
}

StageGeometry interpolateGeometry(const StageGeometry &before, const StageGeometry &after, double progress)
{
    const double u = std::clamp(progress, 0.0, 1.0);
    const KeyIndex ia = indexOf(before);
    const KeyIndex ib = indexOf(after);
    const std::vector<QRectF> absA = absoluteRects(before, ia);
    const std::vector<QRectF> absB = absoluteRects(after, ib);

    StageGeometry out;
    out.size = after.size;
    out.scale = after.scale;
    out.background = after.background;
    out.titleRect = after.titleRect;
    out.eventRect = after.eventRect;
    out.narrationRect = after.narrationRect;
    out.shownTasks = after.shownTasks;
    out.groupedTasks = after.groupedTasks;
    out.items.reserve(after.items.size() + before.items.size() / 4 + 8);

    // Interpolated absolute rectangles by key, for children and arrows.
    std::unordered_map<ItemKey, QRectF> placed;
    placed.reserve((after.items.size() + before.items.size()) * 2);
    auto parentOrigin = [&placed](ItemKey parent, const QRectF &fallback) {
        if (parent == 0)
            return QPointF(0, 0);
        auto p = placed.find(parent);
        return p != placed.end() ? p->second.topLeft() : fallback.topLeft();
    };

    for (size_t j = 0; j < after.items.size(); ++j) {
        const StageItem &b = after.items[j];
        auto found = ia.find(b.key);
        StageItem item = b;
        item.parent = 0;
        if (found == ia.end()) {
            // Appearing: in its new place, fading in, travelling with its parent
            // (across a parent that is still growing, its width follows).
            item.rect = b.rect;
            if (b.parent) {
                auto p = placed.find(b.parent);
                auto pb = ib.find(b.parent);
                if (p != placed.end() && pb != ib.end() && absB[pb->second].width() > 0) {
                    const double sx = p->second.width() / absB[pb->second].width();
                    item.rect = QRectF(b.rect.x() * sx, b.rect.y(), b.rect.width() * sx, b.rect.height());
                }
                item.rect.translate(parentOrigin(b.parent, absB[j].translated(-b.rect.topLeft())));
            }
            // A text appears in the second half, after whatever text leaves
            // from the same place has gone (the frame row of a callee that
            // returns, a label replaced by another): texts never overlap.
            item.opacity = b.opacity * (b.shape == StageItem::Shape::Text ? std::max(0.0, 2 * u - 1) : u);
            placed[item.key] = item.rect;
            out.items.push_back(std::move(item));
            continue;
        }
        const StageItem &a = before.items[found->second];
        if (a.parent == b.parent && b.parent != 0)
            item.rect = lerp(a.rect, b.rect, u).translated(
                parentOrigin(b.parent, absB[j].translated(-b.rect.topLeft())));
        else
            item.rect = lerp(absA[found->second], absB[j], u);
        item.fill = lerp(a.fill, b.fill, u);
        item.stroke = lerp(a.stroke, b.stroke, u);
        item.strokeWidth = lerp(a.strokeWidth, b.strokeWidth, u);
        item.radius = lerp(a.radius, b.radius, u);
        item.opacity = lerp(a.opacity, b.opacity, u);
        placed[item.key] = item.rect;
        if (b.shape == StageItem::Shape::Counter) {
            item.fromValue = a.value;
            item.roll = u;
            out.items.push_back(std::move(item));
        } else if (b.shape == StageItem::Shape::Text && a.text != b.text) {
            // A changed text fades out, then the new one fades in: two texts
            // of different lengths never show on top of each other.
            StageItem old = item;
            old.text = a.text;
            old.strike = a.strike;
            old.bold = a.bold;
            old.opacity = a.opacity * std::max(0.0, 1 - 2 * u);
            item.opacity = b.opacity * std::max(0.0, 2 * u - 1);
            out.items.push_back(std::move(old));
            out.items.push_back(std::move(item));
        } else {
            out.items.push_back(std::move(item));
        }
    }

    for (size_t i = 0; i < before.items.size(); ++i) {
        const StageItem &a = before.items[i];
        if (ib.count(a.key))
            continue;
        // Disappearing: fading out where it was, still travelling with its parent.
        StageItem item = a;
        item.parent = 0;
        item.rect = a.rect.translated(parentOrigin(a.parent, absA[i].translated(-a.rect.topLeft())));
        item.opacity = a.opacity * (a.shape == StageItem::Shape::Text ? std::max(0.0, 1 - 2 * u) : 1 - u);
        placed.emplace(item.key, item.rect);
        out.items.push_back(std::move(item));
    }
    // Children drawn outside their parent mid-glide are clipped to it.
    for (StageItem &item : out.items) {
        const ItemKey parent = [&] {
            auto j = ib.find(item.key);
            if (j != ib.end())
                return after.items[j->second].parent;
            auto i = ia.find(item.key);
            return i != ia.end() ? before.items[i->second].parent : ItemKey(0);
        }();
        if (!parent)
            continue;
        auto p = placed.find(parent);
        if (p != placed.end() && !p->second.adjusted(-0.5, -0.5, 0.5, 0.5).contains(item.rect))
            item.clip = p->second;
    }
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const StageItem &x, const StageItem &y) { return x.z < y.z; });

    std::unordered_map<ItemKey, const StageArrow *> arrowsBefore;
    for (const StageArrow &arrow : before.arrows)
        arrowsBefore.emplace(arrow.key, &arrow);
    std::unordered_map<ItemKey, bool> arrowsAfter;
    for (const StageArrow &arrow : after.arrows) {
        StageArrow a = arrow;
        auto was = arrowsBefore.find(arrow.key);
        a.opacity = was != arrowsBefore.end() ? arrow.opacity : arrow.opacity * u;
        out.arrows.push_back(a);
        arrowsAfter.emplace(arrow.key, true);
    }
    for (const StageArrow &arrow : before.arrows) {
        if (arrowsAfter.count(arrow.key))
            continue;
        StageArrow a = arrow;
        a.opacity = arrow.opacity * (1 - u);
        out.arrows.push_back(a);
    }
    return out;
}

} // namespace ascope
