#include "render/stage_fonts.h"

#include <memory>
#include <unordered_map>

namespace ascope {

StageFonts::StageFonts(const Theme &theme)
{
    for (int role = 0; role <= int(StageFont::Narration); ++role) {
        for (int bold = 0; bold < 2; ++bold) {
            QFont font = theme.stageFont(StageFont(role));
            if (bold)
                font.setBold(true);
            m_fonts.push_back(font);
            m_metrics.emplace_back(font);
        }
    }
    m_widths.resize(m_fonts.size());
}

double StageFonts::width(StageFont role, bool bold, const QString &text) const
{
    QHash<QString, double> &cache = m_widths[slot(role, bold)];
    auto it = cache.constFind(text);
    if (it != cache.constEnd())
        return it.value();
    if (cache.size() > 20000)
        cache.clear();
    const double w = metrics(role, bold).horizontalAdvance(text);
    cache.insert(text, w);
    return w;
}

const StageFonts &StageFonts::of(const Theme &theme)
{
    // One set per thread: the width cache is not shared, so a frame may be
    // painted on any thread (a video exporter's worker, say).
    thread_local std::unordered_map<const Theme *, std::unique_ptr<StageFonts>> cache;
    auto &slot = cache[&theme];
    if (!slot)
        slot.reset(new StageFonts(theme));
    return *slot;
}

QString StageFonts::elide(StageFont role, bool bold, const QString &text, double width) const
{
    if (this->width(role, bold, text) <= width)
        return text;
    return metrics(role, bold).elidedText(text, Qt::ElideRight, std::max(0.0, width));
}

} // namespace ascope
