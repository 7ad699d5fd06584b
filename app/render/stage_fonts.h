// The stage's fonts and their metrics, made once per theme.
//
// Why it is built this way: the layout measures text to size chips and
// cards, and the painter measures it again to align it; both must use the
// very same fonts, and building a QFont/QFontMetricsF for every text of every
// frame would cost more than drawing it. Needs a QGuiApplication and the
// bundled fonts registered (Theme::loadBundledFonts) before first use.
#pragma once

#include "render/theme.h"

#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QString>

#include <vector>

namespace ascope {

class StageFonts
{
public:
    // The fonts of `theme`, built on a thread's first use and kept for the thread's life.
    static const StageFonts &of(const Theme &theme);

    const QFont &font(StageFont role, bool bold) const { return m_fonts[slot(role, bold)]; }
    const QFontMetricsF &metrics(StageFont role, bool bold) const { return m_metrics[slot(role, bold)]; }
    // The advance of `text`, remembered: a stage measures the same names
    // and labels frame after frame.
    double width(StageFont role, bool bold, const QString &text) const;
    // `text` if it fits in `width`, else cut with an ellipsis.
    QString elide(StageFont role, bool bold, const QString &text, double width) const;

private:
    explicit StageFonts(const Theme &theme);
    static size_t slot(StageFont role, bool bold) { return size_t(role) * 2 + (bold ? 1 : 0); }

    std::vector<QFont> m_fonts;
    std::vector<QFontMetricsF> m_metrics;
    mutable std::vector<QHash<QString, double>> m_widths;
};

} // namespace ascope
