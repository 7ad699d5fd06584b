#include "render/render_frame.h"

#include "render/stage_fonts.h"
#include "render/stage_painter.h"

#include <QImage>
#include <QPainter>
#include <QTextOption>

#include <cmath>

namespace ascope {

void renderFrame(QPainter &painter, const FrameInput &input)
{
    const Theme &theme = *input.theme;
    const StageGeometry g = interpolateGeometry(input.before, input.after, input.progress);
    const StageFonts &fonts = StageFonts::of(theme);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(QRectF(0, 0, input.size.width(), input.size.height()), g.background);
    painter.scale(g.scale, g.scale);

    const double pulse = input.event ? std::sin(M_PI * std::clamp(input.progress, 0.0, 1.0)) : 0.0;
    paintStage(painter, g, theme, pulse);

    const StagePalette &pal = theme.stage;
    if (!input.title.isEmpty() && g.titleRect.width() > 0) {
        const QFontMetricsF &fm = fonts.metrics(StageFont::Title, true);
        painter.setFont(fonts.font(StageFont::Title, true));
        painter.setPen(pal.text);
        const QString title = fm.elidedText(input.title, Qt::ElideRight, g.titleRect.width());
        painter.drawText(QPointF(g.titleRect.left(), g.titleRect.top() + (g.titleRect.height() + fm.ascent() - fm.descent()) / 2),
                         title);
    }
    if (!input.eventText.isEmpty()) {
        const QFontMetricsF &fm = fonts.metrics(StageFont::Body, false);
        painter.setFont(fonts.font(StageFont::Body, false));
        painter.setPen(pal.mutedText);
        const QString text = fm.elidedText(input.eventText, Qt::ElideRight, g.eventRect.width());
        painter.drawText(QPointF(g.eventRect.left(), g.eventRect.top() + (g.eventRect.height() + fm.ascent() - fm.descent()) / 2),
                         text);
    }
    if (!input.narration.isEmpty() && !g.narrationRect.isEmpty()) {
        painter.setFont(fonts.font(StageFont::Narration, false));
        painter.setPen(pal.narrationText);
        QTextOption option(Qt::AlignCenter);
        option.setWrapMode(QTextOption::WordWrap);
        const QString quoted = input.language == Language::French
            ? QStringLiteral("« ") + input.narration + QStringLiteral(" »")
            : QStringLiteral("“") + input.narration + QStringLiteral("”");
        painter.drawText(g.narrationRect, quoted, option);
    }
    painter.restore();
}

QImage renderFrameImage(const FrameInput &input)
{
    QImage image(input.size, QImage::Format_RGB32);
    image.fill(input.theme->stage.background);
    QPainter painter(&image);
    renderFrame(painter, input);
    painter.end();
    return image;
}

} // namespace ascope
