#include "render/theme.h"

#include <QFontDatabase>
#include <QStringList>
#include <QtGlobal>

#include <algorithm>
#include <cmath>

// Q_INIT_RESOURCE must be used outside any namespace. The resources live in a
// static library, whose resource initializer the linker would otherwise drop.
static void initBundledResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace ascope {

bool Theme::loadBundledFonts()
{
    static bool loaded = false;
    static bool allLoaded = true;
    if (loaded)
        return allLoaded;
    loaded = true;
    initBundledResources();
    const QStringList files = {
        QStringLiteral(":/fonts/DejaVuSans.ttf"),
        QStringLiteral(":/fonts/DejaVuSans-Bold.ttf"),
        QStringLiteral(":/fonts/DejaVuSansMono.ttf"),
        QStringLiteral(":/fonts/DejaVuSansMono-Bold.ttf"),
    };
    for (const QString &file : files) {
        if (QFontDatabase::addApplicationFont(file) < 0) {
            qWarning("asyncscope: could not load the bundled font %s", qPrintable(file));
            allLoaded = false;
        }
    }
    return allLoaded;
}

namespace {

void setCodeColours(Theme &t)
{
    t.text = QColor(0x1f, 0x23, 0x28);
    t.background = QColor(0xff, 0xff, 0xff);
    t.currentLine = QColor(0xf3, 0xf6, 0xfa);
    t.lineNumber = QColor(0x8c, 0x95, 0x9f);
    t.lineNumberBackground = QColor(0xf6, 0xf8, 0xfa);
    t.keyword = QColor(0x0b, 0x4f, 0xa8);
    t.builtin = QColor(0x6f, 0x42, 0xc1);
    t.string = QColor(0x0a, 0x7a, 0x3d);
    t.number = QColor(0xb3, 0x52, 0x00);
    t.comment = QColor(0x6a, 0x73, 0x7d);
    t.metadataComment = QColor(0x8a, 0x5a, 0x00);
    t.decorator = QColor(0x9a, 0x3f, 0x8a);
    t.definitionName = QColor(0x00, 0x5c, 0xc5);
    t.stderrText = QColor(0xc6, 0x28, 0x28);
    t.consoleNote = QColor(0x6a, 0x73, 0x7d);
}

// Okabe & Ito's colour-blind-safe palette, without its orange (the cancel
// mark) and vermillion (too close to the exception red): blue, bluish green,
// reddish purple, sky blue, yellow, black.
constexpr std::array<QRgb, 6> kOkabeIto = {0xff0072b2, 0xff009e73, 0xffcc79a7, 0xff56b4e9, 0xfff0e442, 0xff000000};

} // namespace

QColor StagePalette::taskColour(uint64_t taskId) const
{
    if (taskId == 0)
        return mutedText;
    return tasks[size_t((taskId - 1) % tasks.size())];
}

QColor StagePalette::textOn(const QColor &fill)
{
    // WCAG relative luminance; the threshold where black and white give the same contrast.
    auto channel = [](double c) { return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    const double l = 0.2126 * channel(fill.redF()) + 0.7152 * channel(fill.greenF()) + 0.0722 * channel(fill.blueF());
    return l > 0.179 ? QColor(0, 0, 0) : QColor(255, 255, 255);
}

const Theme &Theme::standard()
{
    static const Theme theme = [] {
        Theme t;
        t.name = QStringLiteral("standard");
        setCodeColours(t);
        StagePalette &p = t.stage;
        p.background = QColor(0xff, 0xff, 0xff);
        p.region = QColor(0xf3, 0xf5, 0xf8);
        p.regionBorder = QColor(0xc4, 0xcb, 0xd3);
        p.text = QColor(0x1f, 0x23, 0x28);
        p.mutedText = QColor(0x4b, 0x53, 0x5c);
        p.sectionLabel = QColor(0x3a, 0x44, 0x50);
        p.cpuFill = QColor(0xe8, 0xee, 0xf6);
        p.cpuBorder = QColor(0x2f, 0x3a, 0x46);
        p.handleFill = QColor(0xff, 0xff, 0xff);
        p.handleBorder = QColor(0x6b, 0x75, 0x80);
        p.cardFill = QColor(0xff, 0xff, 0xff);
        p.cardBorder = QColor(0x8c, 0x95, 0x9f);
        p.codeText = QColor(0x0b, 0x2a, 0x4a);
        p.axis = QColor(0x4b, 0x53, 0x5c);
        p.cancelledItem = QColor(0x8c, 0x95, 0x9f);
        p.exception = QColor(0xc4, 0x1e, 0x2a);
        p.exceptionText = QColor(0xff, 0xff, 0xff);
        p.cancel = QColor(0xe6, 0x9f, 0x00);
        p.cancelText = QColor(0x00, 0x00, 0x00);
        p.done = QColor(0x1f, 0x23, 0x28);
        p.highlight = QColor(0xff, 0xc4, 0x00);
        p.arrow = QColor(0x3a, 0x44, 0x50);
        p.narrationFill = QColor(0x1f, 0x23, 0x28);
        p.narrationText = QColor(0xff, 0xff, 0xff);
        for (size_t i = 0; i < kOkabeIto.size(); ++i)
            p.tasks[i] = QColor::fromRgba(kOkabeIto[i]);
        return t;
    }();
    return theme;
}

const Theme &Theme::projector()
{
    static const Theme theme = [] {
        Theme t = standard();
        t.name = QStringLiteral("projector");
        StagePalette &p = t.stage;
        p.region = QColor(0xee, 0xee, 0xee);
        p.regionBorder = QColor(0x55, 0x55, 0x55);
        p.text = QColor(0, 0, 0);
        p.mutedText = QColor(0x22, 0x22, 0x22);
        p.sectionLabel = QColor(0, 0, 0);
        p.cpuFill = QColor(0xdd, 0xe6, 0xf2);
        p.cpuBorder = QColor(0, 0, 0);
        p.handleBorder = QColor(0x22, 0x22, 0x22);
        p.cardBorder = QColor(0x22, 0x22, 0x22);
        p.codeText = QColor(0, 0, 0);
        p.axis = QColor(0, 0, 0);
        p.cancelledItem = QColor(0x66, 0x66, 0x66);
        p.arrow = QColor(0, 0, 0);
        p.narrationFill = QColor(0, 0, 0);
        StageSizes &s = t.sizes;
        s.titlePx = 32;
        s.headerPx = 26;
        s.sectionPx = 21;
        s.cardTitlePx = 23;
        s.bodyPx = 21;
        s.codePx = 22;
        s.chipPx = 21;
        s.narrationPx = 30;
        s.minTextPx = 21;
        s.line = 3;
        s.focusLine = 5;
        s.cardWidth = 400;
        return t;
    }();
    return theme;
}

const Theme *Theme::byName(const QString &name)
{
    if (name == QLatin1String("standard"))
        return &standard();
    if (name == QLatin1String("projector"))
        return &projector();
    return nullptr;
}

QFont Theme::stageFont(StageFont role) const
{
    const bool code = role == StageFont::Code;
    QFont font(QString::fromLatin1(code ? kCodeFamily : kUiFamily));
    font.setStyleHint(code ? QFont::Monospace : QFont::SansSerif);
    font.setPixelSize(std::max(1, int(std::lround(stageFontPx(role)))));
    font.setHintingPreference(QFont::PreferNoHinting);
    if (role == StageFont::Title || role == StageFont::CardTitle)
        font.setBold(true);
    return font;
}

double Theme::stageFontPx(StageFont role) const
{
    double px = sizes.bodyPx;
    switch (role) {
    case StageFont::Title: px = sizes.titlePx; break;
    case StageFont::Header: px = sizes.headerPx; break;
    case StageFont::Section: px = sizes.sectionPx; break;
    case StageFont::CardTitle: px = sizes.cardTitlePx; break;
    case StageFont::Body: px = sizes.bodyPx; break;
    case StageFont::Code: px = sizes.codePx; break;
    case StageFont::Chip: px = sizes.chipPx; break;
    case StageFont::Narration: px = sizes.narrationPx; break;
    }
    return std::max(px, sizes.minTextPx);
}

EventPacing Theme::pacing(trace::EventKind kind) const
{
    using K = trace::EventKind;
    switch (kind) {
    case K::LineExecuted:
    case K::FramePushed:
    case K::FramePopped:
        return linePacing;
    case K::HandleRun:
        return handlePacing;
    case K::ClockJump:
        return clockPacing;
    case K::ExceptionRaised:
    case K::ExceptionPropagated:
    case K::ExceptionCaught:
    case K::ExceptionStored:
    case K::ExceptionReraised:
    case K::ExceptionUnretrieved:
    case K::CancelDelivered:
    case K::TaskFailed:
        return exceptionPacing;
    case K::FutureCreated:
    case K::FutureChained:
    case K::PrimitiveCreated:
    case K::TaskResumed:
        return instantPacing;   // the stage shows no future before it is awaited, nor a wake-up before its step
    case K::LoopIterationBegin:
    case K::LoopIterationEnd:
    case K::FutureDone:
    case K::OutputWritten:
        return quietPacing;
    case K::SelectWait:
    case K::HandleScheduled:
    case K::HandleSkipped:
    case K::HandleCancelled:
    case K::TimerAdded:
    case K::TimerFired:
    case K::TimerCancelled:
    case K::TimerRemoved:
    case K::TaskCreated:
    case K::TaskStarted:
    case K::TaskSuspended:
    case K::TaskDone:
    case K::TaskCancelled:
    case K::CancelRequested:
    case K::PrimitiveChanged:
        return movePacing;
    }
    return movePacing;
}

double Theme::ease(trace::EventKind kind, double linearProgress) const
{
    const double t = std::clamp(linearProgress, 0.0, 1.0);
    return QEasingCurve(pacing(kind).easing).valueForProgress(t);
}

QFont Theme::uiFont() const
{
    QFont font(QString::fromLatin1(kUiFamily), kUiPointSize);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

QFont Theme::codeFont() const
{
    QFont font(QString::fromLatin1(kCodeFamily), kCodePointSize);
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    return font;
}

} // namespace ascope
