#include "panels/stage_widget.h"

#include <QPainter>

#include <algorithm>

namespace ascope {

StageWidget::StageWidget(QWidget *parent) : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
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

} // namespace ascope
