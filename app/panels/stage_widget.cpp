#include "panels/stage_widget.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace ascope {

StageWidget::StageWidget(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
}

StageWidget::~StageWidget() = default;

void StageWidget::setSource(const StageSource *source)
{
    m_source = source;
    m_step = 0;
    m_from = -1;
    m_progress = 1.0;
    m_cache.reset();
    update();
}

void StageWidget::setPosition(size_t step, double linearProgress)
{
    setTransition(long(step) - 1, step, linearProgress);
}

void StageWidget::setTransition(long from, size_t to, double linearProgress)
{
    linearProgress = std::clamp(linearProgress, 0.0, 1.0);
    if (to == m_step && from == m_from && linearProgress == m_progress)
        return;
    m_from = from;
    m_step = to;
    m_progress = linearProgress;
    update();
}

void StageWidget::setLanguage(Language language)
{
    m_language = language;
    update();
}

void StageWidget::setTheme(const Theme &theme)
{
    m_theme = &theme;
    update();
}

void StageWidget::setNarrationBand(FrameOptions::Narration narration)
{
    m_narration = narration;
    update();
}

FrameOptions StageWidget::options() const
{
    FrameOptions o;
    o.size = size();
    o.language = m_language;
    o.theme = m_theme;
    o.narration = m_narration;
    return o;
}

FrameInput StageWidget::currentFrame() const
{
    const FrameOptions o = options();
    if (!m_source) {
        FrameInput input;
        input.theme = o.theme;
        input.size = o.size;
        input.language = o.language;
        StageContext ctx;
        ctx.theme = o.theme;
        ctx.language = o.language;
        ctx.size = QSizeF(o.size);
        ctx.narrationBand = o.narration == FrameOptions::Narration::Show;
        input.after = layoutStage(trace::Snapshot(), ctx);
        input.before = input.after;
        return input;
    }
    const bool hit = m_cache && m_cache->step == m_step && m_cache->from == m_from && m_cache->size == o.size && m_cache->language == o.language
        && m_cache->theme == o.theme && m_cache->narration == o.narration;
    if (!hit) {
        m_cache = Cached{m_step, m_from, o.size, o.language, o.theme, o.narration,
                         m_source->transition(m_from, m_step, 1.0, o)};
    }
    FrameInput input = m_cache->frame;
    input.progress = input.event ? o.theme->ease(input.event->kind, m_progress) : 1.0;
    return input;
}

void StageWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    renderFrame(painter, currentFrame());
}

uint64_t StageWidget::taskAt(const QPointF &pos) const
{
    const FrameInput frame = currentFrame();
    // Where things are on screen: the layout the frame is closer to.
    const StageGeometry &g = frame.progress < 0.5 ? frame.before : frame.after;
    if (g.scale <= 0)
        return 0;
    const QPointF p = pos / g.scale;
    // Children come after their parents: the last item under the point is the innermost.
    for (auto it = g.items.rbegin(); it != g.items.rend(); ++it) {
        if (it->opacity < 0.5 || !g.absoluteRect(it->key).contains(p))
            continue;
        for (const StageItem *item = &*it; item; item = item->parent ? g.find(item->parent) : nullptr) {
            const ItemRole role = keyRole(item->key);
            if (role == ItemRole::Task && keyId(item->key) != 0)
                return keyId(item->key);
            if (role == ItemRole::PrimitiveHolder)
                return keyId(item->key) & 0xffffffffull;
        }
    }
    return 0;
}

void StageWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const uint64_t task = taskAt(event->position())) {
            emit taskClicked(task);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void StageWidget::mouseMoveEvent(QMouseEvent *event)
{
    // A hand over what a click selects.
    if (taskAt(event->position()))
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
    QWidget::mouseMoveEvent(event);
}

} // namespace ascope
