#include "render/stage_layout.h"

#include "render/stage_fonts.h"

#include <QFontMetricsF>
#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace ascope {

using trace::EventKind;
using trace::FrameView;
using trace::HandleView;
using trace::LoopPhase;
using trace::Snapshot;
using trace::PrimitiveView;
using trace::QueueItemView;
using trace::TaskState;
using trace::TaskView;
using trace::TimerView;

namespace {

constexpr double kDesignWidth = 1920;
constexpr int kArrowsForAllUpTo = 6;   // waiting cards that all get their arrows
constexpr double kDesignHeight = 1080;

QString qs(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

// The layout measures with the painter's fonts.
class Measure
{
public:
    explicit Measure(const StageFonts &fonts) : m_fonts(fonts) {}
    double width(StageFont role, bool bold, const QString &text) const { return m_fonts.width(role, bold, text); }
    QString elide(StageFont role, bool bold, const QString &text, double width) const
    {
        return m_fonts.elide(role, bold, text, width);
    }

private:
    const StageFonts &m_fonts;
};

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString lineText(const QStringList *source, int line)
{
    if (!source || line < 1 || line > source->size())
        return QString();
    return source->at(line - 1).trimmed();
}

// "<Future #5>" -> 5, in any label ("_set_result_unless_cancelled(<Future #5>, None)"); 0 if none.
uint64_t futureIdIn(const std::string &label)
{
    static const std::string marker = "<Future #";
    const size_t at = label.find(marker);
    if (at == std::string::npos)
        return 0;
    uint64_t id = 0;
    for (size_t i = at + marker.size(); i < label.size() && label[i] >= '0' && label[i] <= '9'; ++i)
        id = id * 10 + uint64_t(label[i] - '0');
    return id;
}

// Nice numbers for the time axis: 1, 2 or 5 times a power of ten, at least x.
double niceCeil(double x)
{
    if (x <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= x * (1 - 1e-9))
            return m * p;
    return 10 * p;
}

// The axis span: a finer ladder (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power
// of ten), so that the latest timer lands near the right end.
double niceSpan(double x)
{
    if (x <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(x)));
    for (double m : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
        if (m * p >= x * (1 - 1e-9))
            return m * p;
    return 10 * p;
}

QString formatTime(double t, double step)
{
    int decimals = 1;
    if (step < 0.1 - 1e-12)
        decimals = 2;
    if (step < 0.01 - 1e-12)
        decimals = 3;
    return QString::number(t, 'f', decimals);
}

// The loop time with as many decimals as it needs (at least one, at most three).
QString compactTime(double t)
{
    QString s = QString::number(t, 'f', 3);
    while (s.endsWith(QLatin1Char('0')) && s.size() > 2 && s.at(s.size() - 2) != QLatin1Char('.'))
        s.chop(1);
    return s;
}

// How much of a task a card shows: everything (on the CPU), the innermost
// frame with its code and the outer frames (compact), or only the innermost
// frame's function and line (mini, when a crowd must fit).
enum class Style { Cpu, Compact, Mini };

struct CardPlan
{
    const TaskView *task = nullptr;
    double height = 0;
};

class Builder
{
public:
    Builder(const Snapshot &s, const StageContext &ctx)
        : s(s), ctx(ctx), theme(*ctx.theme), pal(ctx.theme->stage), sz(ctx.theme->sizes), m(StageFonts::of(*ctx.theme)),
          lang(ctx.language)
    {
        g.scale = stageScale(ctx.size);
        g.size = QSizeF(ctx.size.width() / g.scale, ctx.size.height() / g.scale);
        g.background = pal.background;
        W = g.size.width();
        H = g.size.height();
        chipH = std::round(sz.chipPx * 2.0);
        rowH = std::round(sz.bodyPx * 1.55);
        codeH = std::round(sz.codePx * 1.5);
        pad = 12;
        indexSnapshot();
    }

    StageGeometry build()
    {
        header();
        bands();
        cpu();
        ready();
        waiting();
        timers();
        done();
        exception();
        arrows();
        markFocus();
        return std::move(g);
    }

private:
    // ---- input
    const Snapshot &s;
    const StageContext &ctx;
    const Theme &theme;
    const StagePalette &pal;
    const StageSizes &sz;
    const Measure m;
    Language lang;

    // ---- derived facts
    std::unordered_set<uint64_t> focusTasks;
    std::unordered_map<uint64_t, uint64_t> timerOfFuture;   // future id -> timer id (first live one)
    std::unordered_map<uint64_t, uint64_t> waiterOfFuture;  // future id -> waiting task
    std::unordered_set<uint64_t> tasksWithReadyHandle;
    uint64_t cpuTask = 0;
    bool mainOnCpu = false;
    bool loopActive = false;   // a loop has started and still has work (ready, timers or live tasks)

    // ---- output
    StageGeometry g;
    std::unordered_map<ItemKey, size_t> index;              // key -> item position
    std::unordered_set<uint64_t> shownTasks;                // tasks with a card or chip
    std::unordered_map<uint64_t, uint64_t> placedTimers;    // timer id -> shown as its own chip
    double W = 0, H = 0;
    double chipH = 0, rowH = 0, codeH = 0, pad = 0;
    QRectF cpuRect, readyRect, laneRect, waitRect, timersRect, doneRect;
    QRectF exceptionSlot;   // the row a card keeps for the exception in flight (absolute)

    // ---- small helpers
    QString tr(const char *english) const { return stageText(english, lang); }

    size_t add(StageItem item)
    {
        index[item.key] = g.items.size();
        g.items.push_back(std::move(item));
        return g.items.size() - 1;
    }

    size_t box(ItemKey key, ItemKey parent, const QRectF &rect, const QColor &fill, const QColor &stroke,
               double strokeWidth, double radius, int z)
    {
        StageItem item;
        item.key = key;
        item.parent = parent;
        item.shape = StageItem::Shape::Box;
        item.rect = rect;
        item.fill = fill;
        item.stroke = stroke;
        item.strokeWidth = strokeWidth;
        item.radius = radius;
        item.z = z;
        return add(std::move(item));
    }

    size_t text(ItemKey key, ItemKey parent, const QRectF &rect, const QString &str, StageFont font, bool bold,
                const QColor &colour, int align, int z)
    {
        StageItem item;
        item.key = key;
        item.parent = parent;
        item.shape = StageItem::Shape::Text;
        item.rect = rect;
        item.text = m.elide(font, bold, str, rect.width());
        item.font = font;
        item.bold = bold;
        item.stroke = colour;
        item.align = align;
        item.z = z;
        return add(std::move(item));
    }

    double textW(StageFont font, bool bold, const QString &str) const { return m.width(font, bold, str); }

    void indexSnapshot()
    {
        for (uint64_t t : ctx.focus.tasks)
            if (t)
                focusTasks.insert(t);
        // Who wakes a future: the first live timer naming it, else a cancelled one.
        timerOfFuture.reserve(s.timers.size() * 2);
        std::vector<std::pair<uint64_t, uint64_t>> cancelledTimers;
        for (const TimerView &t : s.timers) {
            const uint64_t f = futureIdIn(t.label);
            if (!f)
                continue;
            if (t.cancelled)
                cancelledTimers.emplace_back(f, t.id);
            else
                timerOfFuture.emplace(f, t.id);
        }
        for (const auto &[f, id] : cancelledTimers)
            timerOfFuture.emplace(f, id);
        waiterOfFuture.reserve(s.tasks.size() * 2);
        for (const TaskView &t : s.tasks)
            if (t.state == TaskState::Waiting && t.awaiting)
                waiterOfFuture.emplace(t.awaiting, t.id);
        for (const HandleView &h : s.ready)
            if (h.task)
                tasksWithReadyHandle.insert(h.task);
        // The focus reaches the tasks an event touches indirectly.
        if (ctx.focus.handle) {
            for (const HandleView &h : s.ready)
                if (h.id == ctx.focus.handle && h.task)
                    focusTasks.insert(h.task);
            if (ctx.running.id == ctx.focus.handle && ctx.running.task)
                focusTasks.insert(ctx.running.task);
        }
        if (ctx.focus.future) {
            if (s.task(ctx.focus.future))
                focusTasks.insert(ctx.focus.future);
            auto w = waiterOfFuture.find(ctx.focus.future);
            if (w != waiterOfFuture.end())
                focusTasks.insert(w->second);
        }
        if (ctx.focus.timer) {
            for (const TimerView &t : s.timers) {
                if (t.id != ctx.focus.timer)
                    continue;
                if (t.task)
                    focusTasks.insert(t.task);
                auto w = waiterOfFuture.find(futureIdIn(t.label));
                if (w != waiterOfFuture.end())
                    focusTasks.insert(w->second);
            }
        }
        if (s.inFlight.task)
            focusTasks.insert(s.inFlight.task);

        // Who is on the CPU: the task whose step runs; between the handle
        // leaving READY and the step starting, the handle's task already.
        if (s.runningTask && s.task(s.runningTask)) {
            cpuTask = s.runningTask;
        } else if (ctx.running.id && ctx.running.id == s.runningHandle && ctx.running.task) {
            const TaskView *t = s.task(ctx.running.task);
            if (t && t->state == TaskState::Ready && !tasksWithReadyHandle.count(t->id))
                cpuTask = t->id;
        }
        // Code outside any task holds the CPU when no loop runs (before it,
        // after it, or without asyncio); while a loop runs, only a plain
        // callback's frames above the module's do.
        loopActive = s.iteration > 0 && (!s.ready.empty() || !s.timers.empty());
        for (const TaskView &t : s.tasks)
            loopActive = loopActive
                || (s.iteration > 0 && t.state != TaskState::Done && t.state != TaskState::Failed
                    && t.state != TaskState::Cancelled);
        if (!cpuTask && !s.mainStack.empty())
            mainOnCpu = (s.phase == LoopPhase::Idle && !loopActive) || (s.runningHandle != 0 && s.mainStack.size() > 1);
    }

    // ---- header
    void header()
    {
        const double headerH = 92;
        box(itemKey(ItemRole::Region, uint64_t(StageRegion::Header)), 0, QRectF(0, 0, W, headerH), pal.background,
            QColor(), 0, 0, 0);
        StageItem rule;
        rule.key = itemKey(ItemRole::Region, uint64_t(StageRegion::Header), 1);
        rule.shape = StageItem::Shape::Line;
        rule.rect = QRectF(0, headerH - 1, W, 0);
        rule.stroke = pal.regionBorder;
        rule.strokeWidth = 1.5;
        add(rule);

        const double rowY = 10, rowHgt = 44;
        double x = W - sz.margin;

        // Phase chip, rightmost.
        QString phase;
        QColor phaseFill = pal.region, phaseText = pal.text;
        if (ctx.focus.kind == EventKind::ClockJump) {
            phase = QStringLiteral("» ") + tr("clock jump");
            phaseFill = pal.highlight;
            phaseText = StagePalette::textOn(pal.highlight);
        } else if (s.phase == LoopPhase::Running) {
            const QString label = ctx.running.id && ctx.running.id == s.runningHandle ? qs(ctx.running.label)
                                                                                      : tr("a handle");
            phase = QStringLiteral("▶ ") + tr("running") + QLatin1Char(' ') + label;
            phaseFill = pal.text;
            phaseText = pal.background;
        } else if (s.phase == LoopPhase::Selecting) {
            phase = QStringLiteral("‖ ") + tr("waiting in the selector");
        } else if (s.iteration == 0) {
            phase = tr("loop not started");
        } else if (!loopActive) {
            phase = tr("loop finished");
        } else {
            phase = tr("between iterations");
        }
        const double phaseW = std::min(textW(StageFont::Header, true, phase) + 32, W * 0.36);
        const ItemKey phaseKey = itemKey(ItemRole::Phase, 0);
        box(phaseKey, 0, QRectF(x - phaseW, rowY, phaseW, rowHgt), phaseFill, QColor(), 0, rowHgt / 2, 1);
        text(itemKey(ItemRole::PhaseText, 0), phaseKey, QRectF(16, 0, phaseW - 32, rowHgt), phase, StageFont::Header,
             true, phaseText, 0x4, 2);
        x -= phaseW + 28;

        // Iteration counter.
        const QString iterDigits = QString::number(s.iteration);
        const double iterW = textW(StageFont::Header, true, iterDigits) + 4;
        counter(itemKey(ItemRole::Counter, 2), QRectF(x - iterW, rowY, iterW, rowHgt), double(s.iteration), 0);
        x -= iterW + 8;
        const QString iterLabel = tr("iteration");
        const double iterLabelW = textW(StageFont::Header, false, iterLabel);
        text(itemKey(ItemRole::HeaderText, 3), 0, QRectF(x - iterLabelW, rowY, iterLabelW + 1, rowHgt), iterLabel,
             StageFont::Header, false, pal.mutedText, 0x2, 1);
        x -= iterLabelW + 28;

        // Clock: loop.time() 1.000 s
        const QString unit = QStringLiteral(" s");
        const double unitW = textW(StageFont::Header, false, unit);
        text(itemKey(ItemRole::HeaderText, 2), 0, QRectF(x - unitW, rowY, unitW + 1, rowHgt), unit, StageFont::Header,
             false, pal.mutedText, 0x1, 1);
        x -= unitW;
        const QString clockDigits = QString::number(s.clock, 'f', 3);
        const double clockW = textW(StageFont::Header, true, clockDigits) + 4;
        counter(itemKey(ItemRole::Counter, 1), QRectF(x - clockW, rowY, clockW, rowHgt), s.clock, 3);
        x -= clockW + 10;
        const QString clockLabel = QStringLiteral("loop.time()");
        const double clockLabelW = textW(StageFont::Header, false, clockLabel);
        text(itemKey(ItemRole::HeaderText, 1), 0, QRectF(x - clockLabelW, rowY, clockLabelW + 1, rowHgt), clockLabel,
             StageFont::Header, false, pal.mutedText, 0x2, 1);
        x -= clockLabelW + 32;

        g.titleRect = QRectF(sz.margin, rowY, std::max(0.0, x - sz.margin), rowHgt);
        g.eventRect = QRectF(sz.margin, 58, W - 2 * sz.margin, 30);
    }

    void counter(ItemKey key, const QRectF &rect, double value, int decimals)
    {
        StageItem item;
        item.key = key;
        item.shape = StageItem::Shape::Counter;
        item.rect = rect;
        item.font = StageFont::Header;
        item.bold = true;
        item.stroke = pal.text;
        item.align = 0x2;
        item.value = value;
        item.fromValue = value;
        item.decimals = decimals;
        item.z = 1;
        add(std::move(item));
    }

    // ---- regions
    void bands()
    {
        const double top = 92 + 8;
        double bottom = H - sz.margin;
        if (ctx.narrationBand) {
            const double narrH = std::round(sz.narrationPx * 1.3 * 2 + 24);
            const QRectF band(0, H - narrH, W, narrH);
            box(itemKey(ItemRole::Region, uint64_t(StageRegion::Narration)), 0, band, pal.narrationFill, QColor(), 0, 0,
                0);
            g.narrationRect = band.adjusted(sz.margin * 2, 8, -sz.margin * 2, -8);
            bottom = band.top() - 8;
        }
        const double gap = sz.gap;
        const double body = bottom - top;
        const double doneH = chipH + 14;
        const double laneH = std::round(chipH * 0.9);
        const double timersH = 8 + 3 * laneH + 2 * 4 + 14 + 26 + 10;
        // A short stage (a laptop's window with its docks) gives CPU and
        // READY less height, so that WAITING still holds a row of cards.
        const bool shortStage = body < 760;
        double topH = std::clamp(body * (shortStage ? 0.26 : 0.33), shortStage ? 170.0 : 236.0, 330.0);
        double waitH = body - topH - timersH - doneH - 3 * gap;
        if (waitH < 160) {
            topH = std::max(shortStage ? 170.0 : 200.0, topH - (160 - waitH));
            waitH = body - topH - timersH - doneH - 3 * gap;
        }
        const double x = sz.margin, w = W - 2 * sz.margin;
        const double cpuW = std::clamp(W * 0.32, 420.0, 640.0);
        cpuRect = QRectF(x, top, cpuW, topH);
        readyRect = QRectF(x + cpuW + 64, top, w - cpuW - 64, topH);
        waitRect = QRectF(x, top + topH + gap, w, std::max(0.0, waitH));
        timersRect = QRectF(x, waitRect.bottom() + gap, w, timersH);
        doneRect = QRectF(x, timersRect.bottom() + gap, w, doneH);

        region(StageRegion::Cpu, cpuRect, pal.cpuFill, pal.cpuBorder, 3, QStringLiteral("CPU"));
        region(StageRegion::Ready, readyRect, pal.region, pal.regionBorder, 1.5, tr("READY · call_soon FIFO, front first"));
        region(StageRegion::Waiting, waitRect, pal.region, pal.regionBorder, 1.5,
               tr("WAITING · suspended at an await"));
        region(StageRegion::Timers, timersRect, pal.region, pal.regionBorder, 1.5, tr("TIMERS"));
        region(StageRegion::Done, doneRect, pal.region, pal.regionBorder, 1.5, tr("DONE"));
        laneRect = QRectF(readyRect.left() + pad - 6, readyRect.top() + 40, readyRect.width() - 2 * pad + 12, chipH + 8);
        box(itemKey(ItemRole::Region, uint64_t(StageRegion::ReadyLane)), 0, laneRect, pal.background,
            pal.regionBorder, 1, 8, 1);
    }

    void region(StageRegion which, const QRectF &rect, const QColor &fill, const QColor &stroke, double width,
                const QString &label)
    {
        box(itemKey(ItemRole::Region, uint64_t(which)), 0, rect, fill, stroke, width, sz.radius, 0);
        double labelW = rect.width() - 2 * pad;
        if (which == StageRegion::Timers || which == StageRegion::Done)
            labelW = 150;
        if (which == StageRegion::Cpu)
            labelW = 64;
        const double labelH = which == StageRegion::Done ? rect.height() : 34;
        text(itemKey(ItemRole::RegionLabel, uint64_t(which)), 0, QRectF(rect.left() + pad, rect.top() + 2, labelW, labelH),
             label, StageFont::Section, true, pal.sectionLabel, 0x1, 1);
    }

    // ---- task cards
    QString stateBadge(TaskState state) const
    {
        switch (state) {
        case TaskState::Ready: return QStringLiteral("● ") + taskStateLabel(state, lang);
        case TaskState::Running: return QStringLiteral("▶ ") + taskStateLabel(state, lang);
        case TaskState::Waiting: return QStringLiteral("‖ ") + taskStateLabel(state, lang);
        case TaskState::Done: return QStringLiteral("✓ ") + taskStateLabel(state, lang);
        case TaskState::Failed: return QStringLiteral("✗ ") + taskStateLabel(state, lang);
        case TaskState::Cancelled: return QStringLiteral("⊘ ") + taskStateLabel(state, lang);
        }
        return QString();
    }

    void badgeColours(TaskState state, QColor &fill, QColor &textColour) const
    {
        switch (state) {
        case TaskState::Running: fill = pal.text; textColour = pal.background; return;
        case TaskState::Failed: fill = pal.exception; textColour = pal.exceptionText; return;
        case TaskState::Ready: fill = pal.background; textColour = pal.text; return;
        default: fill = pal.region; textColour = pal.text; return;
        }
    }

    bool frameHasCode(const FrameView &f) const
    {
        return ctx.source && (ctx.sourceFile.empty() || f.file.empty() || f.file == ctx.sourceFile)
            && !lineText(ctx.source, f.line).isEmpty();
    }

    QString frameLabel(const FrameView &f) const
    {
        QString label = qs(f.function) + QStringLiteral("()");
        if (f.line > 0)
            label += QStringLiteral("  ·  ") + tr("line") + QLatin1Char(' ') + QString::number(f.line);
        return label;
    }

    QString localsText(const FrameView &f) const
    {
        QStringList parts;
        for (const auto &[name, repr] : f.locals)
            parts << qs(name) + QLatin1Char('=') + qs(repr);
        return parts.join(QStringLiteral("  "));
    }

    bool hasFooter(const TaskView &t) const
    {
        return t.state == TaskState::Waiting || t.state == TaskState::Done || t.state == TaskState::Failed
            || t.state == TaskState::Cancelled;
    }

    // Which frame rows a card shows, given at most `room` stage pixels.
    struct FramePlan
    {
        int shown = 0;          // innermost frames shown
        bool more = false;      // a "… N more" row
        int codeDepth = 1;      // the innermost `codeDepth` frames show their line of code
        bool locals = false;    // the innermost frame shows its locals (CPU only)
        double height = 0;
    };

    double frameHeight(const FrameView &f, int depth, Style style, const FramePlan &plan) const
    {
        double h = rowH;
        if (depth < plan.codeDepth && style != Style::Mini && frameHasCode(f))
            h += codeH;
        if (depth == 0 && plan.locals && !f.locals.empty())
            h += rowH;
        return h + 4;
    }

    FramePlan planFrames(const std::vector<FrameView> &stack, Style style, double room, int codeDepth,
                         bool locals) const
    {
        FramePlan plan;
        plan.codeDepth = codeDepth;
        plan.locals = locals;
        const int n = int(stack.size());
        const int cap = style == Style::Cpu ? n : std::min(n, style == Style::Mini ? 1 : 3);
        for (int i = 0; i < cap; ++i) {
            const FrameView &f = stack[size_t(n - 1 - i)];
            const double h = frameHeight(f, i, style, plan);
            const bool last = i + 1 == n;
            const double reserve = last ? 0 : rowH;
            if (plan.height + h + reserve > room && i > 0)
                break;
            plan.height += h;
            plan.shown = i + 1;
        }
        if (plan.shown < n && style != Style::Mini && plan.height + rowH <= room) {
            plan.more = true;
            plan.height += rowH;
        }
        return plan;
    }

    // What a card gives up first when its stack does not fit: on the CPU,
    // every frame stays as long as possible; then the innermost frame keeps
    // its line of code, then its locals; the outer frames show their code
    // with what room is left, innermost first.
    FramePlan planFrames(const std::vector<FrameView> &stack, Style style, double room) const
    {
        if (style != Style::Cpu) {
            // Short of room, the innermost frame gives up its line of code
            // before the card hides that there are more frames.
            const FramePlan withCode = planFrames(stack, style, room, 1, false);
            if (withCode.height <= room && (withCode.more || withCode.shown == int(stack.size())))
                return withCode;
            const FramePlan lean = planFrames(stack, style, room, 0, false);
            return lean.height <= withCode.height ? lean : withCode;
        }
        FramePlan best = planFrames(stack, style, room, 1, true);
        if (best.more) {
            const FramePlan lean = planFrames(stack, style, room, 1, false);
            if (lean.shown > best.shown)
                best = lean;
        }
        for (int depth = 2; depth <= int(stack.size()); ++depth) {
            const FramePlan plan = planFrames(stack, style, room, depth, best.locals);
            if (plan.shown < best.shown)
                break;
            best = plan;
        }
        if (best.height > room) {
            // Not even the innermost frame with its code: its label only.
            const FramePlan bare = planFrames(stack, style, room, 0, false);
            if (bare.height < best.height)
                best = bare;
        }
        return best;
    }

    // The exception in flight is in this task but in none of its frames (stored,
    // thrown in, or frames not recorded): its card gets a row for the token.
    bool exceptionOnCard(const TaskView &t) const
    {
        if (s.inFlight.type.empty() || s.inFlight.task != t.id)
            return false;
        for (const FrameView &f : t.stack)
            if (f.id == s.inFlight.frame)
                return false;
        return true;
    }

    double titleBlockHeight(const TaskView &t) const
    {
        return 40 + (t.cancelRequested ? 32 : 0) + (exceptionOnCard(t) ? rowH + 4 : 0);
    }

    double cardHeight(const TaskView &t, Style style, double maxHeight) const
    {
        const double head = titleBlockHeight(t);
        const double foot = hasFooter(t) ? chipH + 8 : 0;
        const FramePlan frames = planFrames(t.stack, style, maxHeight - head - foot - 8);
        return std::min(maxHeight, head + frames.height + foot + 8);
    }

    // Adds the card of `t` at `rect` (absolute), its height already chosen.
    void card(const TaskView &t, const QRectF &rect, Style style)
    {
        shownTasks.insert(t.id);
        const QColor colour = pal.taskColour(t.id);
        const ItemKey key = itemKey(ItemRole::Task, t.id);
        const size_t cardIndex = box(key, 0, rect, pal.cardFill, colour, t.state == TaskState::Running ? 3 : 2,
                                     sz.radius, 2);
        if (t.cancelRequested) {
            g.items[cardIndex].stroke = pal.cancel;
            g.items[cardIndex].strokeWidth = 3;
            g.items[cardIndex].dashed = true;
        }
        box(itemKey(ItemRole::TaskStripe, t.id), key, QRectF(5, 5, 8, rect.height() - 10), colour, QColor(), 0, 4, 3);

        // Title row: name, coroutine, state badge. A task whose step's handle
        // runs is running, even before its coroutine is resumed.
        const TaskState shownState = t.id == cpuTask && t.state == TaskState::Ready ? TaskState::Running : t.state;
        const QString badge = stateBadge(shownState);
        const double badgeW = textW(StageFont::Chip, true, badge) + 22;
        QColor badgeFill, badgeText;
        badgeColours(shownState, badgeFill, badgeText);
        const double innerW = rect.width() - 22 - 8;
        const QRectF badgeRect(rect.width() - 8 - badgeW, 6, badgeW, 30);
        box(itemKey(ItemRole::TaskState, t.id), key, badgeRect, badgeFill, pal.regionBorder, 1, 15, 3);
        text(itemKey(ItemRole::TaskStateText, t.id), itemKey(ItemRole::TaskState, t.id),
             QRectF(11, 0, badgeW - 22, 30), badge, StageFont::Chip, true, badgeText, 0x4, 4);
        const QString name = qs(t.name);
        const double titleRoom = innerW - badgeW - 10;
        const double nameW = std::min(textW(StageFont::CardTitle, true, name) + 2, titleRoom);
        text(itemKey(ItemRole::TaskTitle, t.id), key, QRectF(22, 4, nameW, 34), name, StageFont::CardTitle, true,
             pal.text, 0x1, 3);
        const double subRoom = titleRoom - nameW - 10;
        if (subRoom > 60 && !t.coroutine.empty())
            text(itemKey(ItemRole::TaskSubtitle, t.id), key, QRectF(22 + nameW + 10, 4, subRoom, 34),
                 qs(t.coroutine) + QStringLiteral("()"), StageFont::Body, false, pal.mutedText, 0x1, 3);
        double y = 40;
        if (t.cancelRequested) {
            const QString mark = QStringLiteral("⚠ ") + tr("cancel requested");
            const double markW = std::min(textW(StageFont::Chip, true, mark) + 24, innerW);
            box(itemKey(ItemRole::CancelMark, t.id), key, QRectF(22, y, markW, 28), pal.cancel, QColor(), 0, 6, 3);
            text(itemKey(ItemRole::CancelMarkText, t.id), itemKey(ItemRole::CancelMark, t.id),
                 QRectF(12, 0, markW - 24, 28), mark, StageFont::Chip, true, pal.cancelText, 0x1, 4);
            y += 32;
        }
        if (exceptionOnCard(t)) {
            exceptionSlot = QRectF(rect.left() + 22, rect.top() + y, innerW, rowH);
            y += rowH + 4;
        }

        // Frames, innermost on top.
        const double foot = hasFooter(t) ? chipH + 8 : 0;
        const FramePlan plan = planFrames(t.stack, style, rect.height() - y - foot - 8);
        const int n = int(t.stack.size());
        for (int i = 0; i < plan.shown; ++i) {
            const FrameView &f = t.stack[size_t(n - 1 - i)];
            const double h = frameHeight(f, i, style, plan);
            frameRow(f, key, QRectF(22, y, innerW, h - 4), i == 0, style, i < plan.codeDepth, i == 0 && plan.locals);
            y += h;
        }
        if (plan.more) {
            const int hidden = n - plan.shown;
            const QString more = QStringLiteral("… ") + QString::number(hidden) + QLatin1Char(' ')
                + (hidden == 1 ? tr("outer frame") : tr("outer frames"));
            text(itemKey(ItemRole::MoreFrames, t.id), key, QRectF(26, y, innerW - 4, rowH), more, StageFont::Body, false,
                 pal.mutedText, 0x1, 3);
        }

        if (hasFooter(t))
            footer(t, key, QRectF(22, rect.height() - foot - 2, innerW, chipH));
    }

    void frameRow(const FrameView &f, ItemKey card, const QRectF &rect, bool innermost, Style style, bool withCode,
                  bool withLocals)
    {
        const ItemKey key = itemKey(ItemRole::Frame, f.id);
        box(key, card, rect, innermost ? pal.background : QColor(), pal.regionBorder, innermost ? 1 : 0, 6, 3);
        // The exception in flight sits at the right of its frame's label, which makes room for it.
        double labelW = rect.width() - 16;
        if (!s.inFlight.type.empty() && s.inFlight.frame == f.id)
            labelW = std::min(labelW, textW(StageFont::Body, innermost, frameLabel(f)) + 2);
        text(itemKey(ItemRole::Frame, f.id, 1), key, QRectF(8, 0, labelW, rowH), frameLabel(f), StageFont::Body,
             innermost, pal.text, 0x1, 4);
        double y = rowH;
        if (withCode && style != Style::Mini && frameHasCode(f)) {
            text(itemKey(ItemRole::FrameCode, f.id), key, QRectF(8, y - 2, rect.width() - 16, codeH),
                 lineText(ctx.source, f.line), StageFont::Code, false, pal.codeText, 0x1, 4);
            y += codeH;
        }
        if (withLocals && !f.locals.empty())
            text(itemKey(ItemRole::FrameLocals, f.id), key, QRectF(8, y - 2, rect.width() - 16, rowH), localsText(f),
                 StageFont::Body, false, pal.mutedText, 0x1, 4);
    }

    QString awaitedText(const TaskView &t) const
    {
        if (const TaskView *awaited = s.task(t.awaiting))
            return qs(awaited->name);
        if (!t.awaitingLabel.empty())
            return prettyFutureLabel(t.awaitingLabel);
        return QStringLiteral("#") + QString::number(t.awaiting);
    }

    void footer(const TaskView &t, ItemKey card, const QRectF &rect)
    {
        const ItemKey note = itemKey(ItemRole::TaskNote, t.id);
        if (t.state == TaskState::Waiting) {
            const QString label = tr("awaits");
            const double labelW = textW(StageFont::Body, false, label) + 4;
            text(note, card, QRectF(rect.left(), rect.top(), labelW, rect.height()), label, StageFont::Body, false,
                 pal.mutedText, 0x1, 3);
            const QString what = awaitedText(t);
            const double pillW = std::min(textW(StageFont::Chip, true, what) + 28, rect.width() - labelW - 10);
            const ItemKey pill = itemKey(ItemRole::Awaited, t.id);
            const TaskView *awaited = s.task(t.awaiting);
            box(pill, card, QRectF(rect.left() + labelW + 8, rect.top() + 2, pillW, rect.height() - 4),
                awaited ? mix(pal.taskColour(awaited->id), pal.background, 0.75) : pal.background,
                awaited ? pal.taskColour(awaited->id) : pal.text, 2, (rect.height() - 4) / 2, 3);
            text(itemKey(ItemRole::AwaitedText, t.id), pill, QRectF(14, 0, pillW - 28, rect.height() - 4), what,
                 StageFont::Chip, true, pal.text, 0x4, 4);
            return;
        }
        QString str;
        QColor colour = pal.text;
        if (t.state == TaskState::Done) {
            str = QStringLiteral("✓ ") + tr("returned") + QLatin1Char(' ') + qs(t.result);
        } else if (t.state == TaskState::Failed) {
            str = QStringLiteral("✗ ") + qs(t.exception.type);
            if (!t.exception.message.empty())
                str += QStringLiteral(": ") + qs(t.exception.message);
            colour = pal.exception;
        } else {
            str = QStringLiteral("⊘ CancelledError");
        }
        text(note, card, rect, str, StageFont::Body, t.state == TaskState::Failed, colour, 0x1, 3);
    }

    // ---- CPU
    void cpu()
    {
        const QRectF inner = cpuRect.adjusted(pad, 0, -pad, -pad);
        const double chipTop = cpuRect.top() + 6;
        const double chipLeft = cpuRect.left() + pad + 70;
        const double chipRoom = cpuRect.right() - pad - chipLeft;
        if (s.runningHandle) {
            HandleView h;
            h.id = s.runningHandle;
            if (ctx.running.id == s.runningHandle)
                h = ctx.running;
            else
                h.label = (tr("handle") + QStringLiteral(" #") + QString::number(h.id)).toStdString();
            handleChip(h, QPointF(chipLeft, chipTop), chipRoom, 3);
        }
        const QRectF cardArea(inner.left(), chipTop + chipH + 10, inner.width(), cpuRect.bottom() - pad - (chipTop + chipH + 10));
        if (cpuTask) {
            const TaskView *t = s.task(cpuTask);
            card(*t, QRectF(cardArea.topLeft(), QSizeF(cardArea.width(), cardHeight(*t, Style::Cpu, cardArea.height()))),
                 Style::Cpu);
            return;
        }
        if (mainOnCpu) {
            TaskView main;
            main.id = 0;
            main.name = tr("outside any task").toStdString();
            main.state = TaskState::Running;
            if (s.phase == LoopPhase::Idle && s.runningHandle == 0)
                main.stack = s.mainStack;
            else
                main.stack.assign(s.mainStack.begin() + 1, s.mainStack.end());
            card(main, QRectF(cardArea.topLeft(), QSizeF(cardArea.width(), cardHeight(main, Style::Cpu, cardArea.height()))),
                 Style::Cpu);
            return;
        }
        if (!s.runningHandle) {
            const QString idle = s.phase == LoopPhase::Selecting ? tr("free: the loop waits in the selector")
                                                                 : tr("free");
            text(itemKey(ItemRole::Note, uint64_t(StageRegion::Cpu)), 0, cardArea, idle, StageFont::Body, false,
                 pal.mutedText, 0x4, 2);
        }
    }

    // A handle chip at `topLeft`, at most `room` wide; returns its width.
    double handleChip(const HandleView &h, QPointF topLeft, double room, int z)
    {
        const QString label = qs(h.label);
        const double w = std::min(handleChipWidth(h), std::max(60.0, room));
        const ItemKey key = itemKey(ItemRole::Handle, h.id);
        QColor fill = pal.handleFill, stroke = pal.handleBorder;
        if (h.task) {
            stroke = pal.taskColour(h.task);
            fill = mix(stroke, pal.background, 0.72);
        }
        const size_t i = box(key, 0, QRectF(topLeft, QSizeF(w, chipH)), fill, stroke, 2, 8, z);
        if (h.cancelled) {
            g.items[i].dashed = true;
            g.items[i].stroke = pal.cancelledItem;
            g.items[i].fill = pal.background;
        }
        const size_t t = text(itemKey(ItemRole::HandleText, h.id), key, QRectF(14, 0, w - 28, chipH), label,
                              StageFont::Chip, false, h.cancelled ? pal.mutedText : pal.text, 0x4, z + 1);
        g.items[t].strike = h.cancelled;
        return w;
    }

    double handleChipWidth(const HandleView &h) const
    {
        return std::clamp(textW(StageFont::Chip, false, qs(h.label)) + 28, 110.0, 360.0);
    }

    // ---- READY
    void ready()
    {
        // The lane of handles, front first from the left (next to the CPU):
        // the longest prefix that fits, then "+N", then the event's handle
        // if it is further back.
        const double laneLeft = laneRect.left() + 6, laneRight = laneRect.right() - 6;
        const double y = laneRect.top() + 4;
        const double groupW = 96, gap = 8;
        const size_t n = s.ready.size();
        size_t focusAt = n;
        std::vector<double> prefix(n + 1, 0.0);
        for (size_t i = 0; i < n; ++i) {
            if (ctx.focus.handle && s.ready[i].id == ctx.focus.handle)
                focusAt = i;
            prefix[i + 1] = prefix[i] + handleChipWidth(s.ready[i]) + gap;
        }
        const double room = laneRight - laneLeft + gap;
        size_t shown = n;
        if (prefix[n] > room) {
            shown = 0;
            for (size_t k = n; k-- > 0;) {
                const double focusW = focusAt < n && focusAt >= k ? handleChipWidth(s.ready[focusAt]) + gap : 0;
                if (prefix[k] + groupW + gap + focusW <= room) {
                    shown = k;
                    break;
                }
            }
        }
        double x = laneLeft;
        for (size_t i = 0; i < shown; ++i)
            x += handleChip(s.ready[i], QPointF(x, y), laneRight - x, 3) + gap;
        if (shown < n) {
            const bool focusHidden = focusAt < n && focusAt >= shown;
            const size_t hidden = n - shown - (focusHidden ? 1 : 0);
            if (hidden) {
                groupChip(StageGroup::Handles, QRectF(x, y, std::min(groupW, laneRight - x), chipH),
                          QStringLiteral("+") + QString::number(hidden));
                x += groupW + gap;
            }
            if (focusHidden)
                handleChip(s.ready[focusAt], QPointF(x, y), laneRight - x, 3);
        }
        if (n == 0)
            text(itemKey(ItemRole::Note, uint64_t(StageRegion::ReadyLane)), 0,
                 QRectF(laneLeft + 8, y, laneRight - laneLeft - 16, chipH), tr("empty: nothing to run"),
                 StageFont::Body, false, pal.mutedText, 0x1, 2);

        // Cards of ready tasks.
        std::vector<const TaskView *> tasks;
        for (const TaskView &t : s.tasks)
            if (t.id != cpuTask && (t.state == TaskState::Ready || t.state == TaskState::Running))
                tasks.push_back(&t);
        const double top = laneRect.bottom() + 10;
        const double height = readyRect.bottom() - pad - top;
        const double cardW = std::min(
            std::clamp((readyRect.width() - 2 * pad + sz.gap) / double(std::max<size_t>(1, tasks.size())) - sz.gap,
                       sz.cardWidth, sz.cardWidth * 1.6),
            readyRect.width() - 2 * pad);
        int fit = std::max(0, int((readyRect.width() - 2 * pad + sz.gap) / (cardW + sz.gap)));
        if (height < 80)
            fit = 0;
        std::vector<const TaskView *> visible = chooseVisible(tasks, size_t(fit), true);
        const size_t hidden = tasks.size() - visible.size();
        double cx = readyRect.left() + pad;
        for (const TaskView *t : visible) {
            card(*t, QRectF(cx, top, cardW, cardHeight(*t, Style::Compact, height)), Style::Compact);
            cx += cardW + sz.gap;
        }
        if (hidden) {
            g.groupedTasks += int(hidden);
            groupChip(StageGroup::Ready, QRectF(cx, top, std::min(cardW, readyRect.right() - pad - cx), chipH),
                      QStringLiteral("+") + QString::number(hidden) + QLatin1Char(' ') + tr("ready"));
        }
    }

    // At most `capacity` of `tasks` (sorted by id), the focused ones first,
    // then by id; with `reserveGroup`, one slot is left for the group chip
    // when not all fit. Returned sorted by id.
    std::vector<const TaskView *> chooseVisible(const std::vector<const TaskView *> &tasks, size_t capacity,
                                                bool reserveGroup) const
    {
        if (tasks.size() <= capacity)
            return tasks;
        const size_t room = reserveGroup && capacity > 0 ? capacity - 1 : capacity;
        std::vector<const TaskView *> chosen;
        for (const TaskView *t : tasks)
            if (chosen.size() < room && focusTasks.count(t->id))
                chosen.push_back(t);
        for (const TaskView *t : tasks)
            if (chosen.size() < room && !focusTasks.count(t->id))
                chosen.push_back(t);
        std::sort(chosen.begin(), chosen.end(), [](const TaskView *a, const TaskView *b) { return a->id < b->id; });
        return chosen;
    }

    void groupChip(StageGroup which, const QRectF &rect, const QString &label)
    {
        const ItemKey key = itemKey(ItemRole::Group, uint64_t(which));
        box(key, 0, rect, pal.background, pal.text, 2, 8, 3);
        g.items.back().dashed = true;
        text(itemKey(ItemRole::GroupText, uint64_t(which)), key, QRectF(12, 0, rect.width() - 24, rect.height()), label,
             StageFont::Chip, true, pal.text, 0x4, 4);
    }

    // ---- WAITING
    enum class WaitKind { Timer, Task, Future };
    WaitKind waitKind(const TaskView &t) const
    {
        if (s.task(t.awaiting))
            return WaitKind::Task;
        if (timerOfFuture.count(t.awaiting))
            return WaitKind::Timer;
        return WaitKind::Future;
    }

    void waiting()
    {
        std::vector<const TaskView *> tasks;
        for (const TaskView &t : s.tasks)
            if (t.state == TaskState::Waiting && t.id != cpuTask)
                tasks.push_back(&t);
        QRectF area = waitRect.adjusted(pad, 38, -pad, -pad);
        if (!s.primitives.empty()) {
            // The primitives tasks wait on take a column on the right.
            const double colW = std::clamp(area.width() * 0.3, 320.0, 460.0);
            primitives(QRectF(area.right() - colW, area.top(), colW, area.height()));
            area.setRight(area.right() - colW - sz.gap);
        }
        // Few tasks get wider cards (whole lines of code); a crowd gets the theme's width.
        const double cardW = std::clamp((area.width() + sz.gap) / double(std::max<size_t>(1, tasks.size())) - sz.gap,
                                        sz.cardWidth, sz.cardWidth * 1.6);
        const int cols = std::max(1, int((area.width() + sz.gap) / (cardW + sz.gap)));
        const double maxCardH = std::max(0.0, std::min(area.height(), 260.0));
        std::unordered_map<uint64_t, double> heights;
        Style style = Style::Compact;
        auto heightOf = [&](const TaskView *t) {
            auto it = heights.find(t->id);
            if (it != heights.end())
                return it->second;
            const double h = cardHeight(*t, style, maxCardH);
            heights.emplace(t->id, h);
            return h;
        };
        // Total height of `set` (sorted by id) laid out in rows of `cols`; stops
        // counting once past the area (a crowd is not measured card by card).
        auto rowsHeight = [&](const std::vector<const TaskView *> &set) {
            double total = 0, row = 0;
            for (size_t i = 0; i < set.size(); ++i) {
                row = std::max(row, heightOf(set[i]));
                if ((i + 1) % size_t(cols) == 0 || i + 1 == set.size()) {
                    total += row + (total > 0 ? sz.gap : 0);
                    row = 0;
                    if (total > area.height())
                        return total;
                }
            }
            return total;
        };
        auto sortedById = [](std::vector<const TaskView *> v) {
            std::sort(v.begin(), v.end(), [](const TaskView *a, const TaskView *b) { return a->id < b->id; });
            return v;
        };

        std::vector<const TaskView *> visible = tasks;
        if (rowsHeight(tasks) > area.height() && style == Style::Compact) {
            // A crowd: smaller cards, more of them.
            style = Style::Mini;
            heights.clear();
        }
        if (rowsHeight(tasks) > area.height() || area.height() < 60) {
            // Not all fit: focused tasks first, then by id, above a row of group chips.
            const double room = area.height() - chipH - sz.gap;
            visible.clear();
            std::vector<const TaskView *> order;
            for (const TaskView *t : tasks)
                if (focusTasks.count(t->id))
                    order.push_back(t);
            for (const TaskView *t : tasks)
                if (!focusTasks.count(t->id))
                    order.push_back(t);
            for (const TaskView *t : order) {
                std::vector<const TaskView *> trial = visible;
                trial.push_back(t);
                trial = sortedById(std::move(trial));
                if (rowsHeight(trial) > room)
                    break;
                visible = std::move(trial);
            }
        }
        double y = area.top(), rowMax = 0;
        for (size_t i = 0; i < visible.size(); ++i) {
            const size_t col = i % size_t(cols);
            if (col == 0 && i > 0) {
                y += rowMax + sz.gap;
                rowMax = 0;
            }
            const double h = heightOf(visible[i]);
            card(*visible[i], QRectF(area.left() + double(col) * (cardW + sz.gap), y, cardW, h), style);
            rowMax = std::max(rowMax, h);
        }
        if (visible.size() < tasks.size()) {
            std::unordered_set<uint64_t> shown;
            for (const TaskView *t : visible)
                shown.insert(t->id);
            int counts[3] = {0, 0, 0};
            for (const TaskView *t : tasks)
                if (!shown.count(t->id))
                    ++counts[int(waitKind(*t))];
            double x = area.left();
            const double gy = area.bottom() - chipH;
            const struct {
                WaitKind kind;
                StageGroup group;
                const char *label;
            } groups[] = {{WaitKind::Timer, StageGroup::WaitingOnTimers, "waiting on timers"},
                          {WaitKind::Task, StageGroup::WaitingOnTasks, "waiting on tasks"},
                          {WaitKind::Future, StageGroup::WaitingOnFutures, "waiting on futures"}};
            for (const auto &grp : groups) {
                const int count = counts[int(grp.kind)];
                if (!count)
                    continue;
                g.groupedTasks += count;
                const QString label = QStringLiteral("+") + QString::number(count) + QLatin1Char(' ') + tr(grp.label);
                const double w = std::min(textW(StageFont::Chip, true, label) + 32, area.right() - x);
                groupChip(grp.group, QRectF(x, gy, w, chipH), label);
                x += w + sz.gap;
            }
        }
        if (tasks.empty())
            text(itemKey(ItemRole::Note, uint64_t(StageRegion::Waiting)), 0, area.adjusted(0, 0, 0, 0).intersected(
                     QRectF(area.left(), area.top(), area.width(), rowH)),
                 tr("no task is waiting"), StageFont::Body, false, pal.mutedText, 0x1, 2);
    }

    // ---- primitives (Queue, Lock, Event, Condition, Semaphore), in WAITING
    // A primitive's box: its name and state; a row of contents (a queue's
    // items, a lock's holders) when it has some; who waits, when someone does.
    // An idle Lock or Event is one line.
    static bool holds(const PrimitiveView &p) { return p.isAcquired() && !p.holders.empty(); }
    double primitiveHeight(const PrimitiveView &p, bool waited) const
    {
        double h = 6 + rowH;
        if (p.isQueue() || holds(p))
            h += 4 + chipH;
        if (waited)
            h += rowH - 2;
        return h + 6;
    }

    void primitives(const QRectF &col)
    {
        // Who waits on what.
        std::unordered_map<uint64_t, std::vector<const TaskView *>> waiters;
        for (const TaskView &t : s.tasks)
            if (t.state == TaskState::Waiting && t.awaitingObject)
                waiters[t.awaitingObject].push_back(&t);
        // Most telling first: the one the event is about, then those with
        // waiters, holders or items; then by id.
        auto rank = [&](const PrimitiveView &p) {
            if (ctx.focus.object == p.id)
                return 0;
            if (waiters.count(p.id))
                return 1;
            if (!p.holders.empty() || !p.items.empty())
                return 2;
            return 3;
        };
        std::vector<const PrimitiveView *> order;
        for (const PrimitiveView &p : s.primitives)
            order.push_back(&p);
        std::stable_sort(order.begin(), order.end(),
                         [&](const PrimitiveView *a, const PrimitiveView *b) { return rank(*a) < rank(*b); });
        // As many as fit, in that order ("+N" goes in the region's label row).
        const double gap = 6;
        std::vector<const PrimitiveView *> shown;
        double used = 0;
        for (size_t i = 0; i < order.size(); ++i) {
            const double h = primitiveHeight(*order[i], waiters.count(order[i]->id) > 0);
            if (used + h > col.height())
                break;
            shown.push_back(order[i]);
            used += h + gap;
        }
        std::sort(shown.begin(), shown.end(), [](const PrimitiveView *a, const PrimitiveView *b) { return a->id < b->id; });
        double y = col.top();
        for (const PrimitiveView *p : shown) {
            auto w = waiters.find(p->id);
            const std::vector<const TaskView *> none;
            const auto &waiting = w == waiters.end() ? none : w->second;
            const double h = primitiveHeight(*p, !waiting.empty());
            primitive(*p, QRectF(col.left(), y, col.width(), h), waiting);
            y += h + gap;
        }
        if (shown.size() < order.size()) {
            const size_t more = order.size() - shown.size();
            text(itemKey(ItemRole::MorePrimitives, 0), 0, QRectF(col.left(), waitRect.top() + 2, col.width(), 34),
                 QStringLiteral("+") + QString::number(more) + QLatin1Char(' ')
                     + (more == 1 ? tr("more primitive") : tr("more primitives")),
                 StageFont::Body, false, pal.mutedText, 0x2, 2);
        }
    }

    // "size 2 / 2", "locked", "set"...
    QString primitiveState(const PrimitiveView &p) const
    {
        if (p.isQueue()) {
            QString str = tr("size") + QLatin1Char(' ') + QString::number(p.items.size());
            if (p.capacity > 0)
                str += QStringLiteral(" / ") + QString::number(qlonglong(p.capacity));
            return str;
        }
        if (p.isSemaphore())
            return tr("value") + QLatin1Char(' ') + QString::number(qlonglong(p.state));
        if (p.kind == trace::PrimitiveKind::Lock)
            return p.state != 0 ? tr("locked") : tr("unlocked");
        if (p.kind == trace::PrimitiveKind::Event)
            return p.state != 0 ? QStringLiteral("● ") + tr("set") : QStringLiteral("○ ") + tr("not set");
        return QString();
    }

    void primitive(const PrimitiveView &p, const QRectF &rect, const std::vector<const TaskView *> &waiting)
    {
        const ItemKey key = itemKey(ItemRole::Primitive, p.id);
        box(key, 0, rect, pal.cardFill, pal.text, 2, sz.radius, 2);
        const double innerW = rect.width() - 24;
        double y = 6;
        // Title: name on the left, state on the right.
        const QString state = primitiveState(p);
        const double stateW = state.isEmpty() ? 0 : std::min(textW(StageFont::Body, false, state) + 4, innerW * 0.5);
        text(itemKey(ItemRole::PrimitiveText, p.id, 0), key, QRectF(12, y, innerW - stateW - 8, rowH),
             primitiveName(p), StageFont::CardTitle, true, pal.text, 0x1, 3);
        if (!state.isEmpty())
            text(itemKey(ItemRole::PrimitiveText, p.id, 1), key, QRectF(12 + innerW - stateW, y, stateW, rowH), state,
                 StageFont::Body, false, pal.mutedText, 0x2, 3);
        y += rowH + 4;
        if (!p.isQueue() && !holds(p)) {
            if (!waiting.empty())
                waitersLine(p, key, QRectF(12, y - 2, innerW, rowH), waiting);
            return;
        }

        // Contents: a queue's items (next out on the left) and free places;
        // a lock's or semaphore's holders.
        const QRectF row(12, y, innerW, chipH);
        double x = row.left();
        const double chipGap = 6;
        if (p.isQueue()) {
            std::vector<const QueueItemView *> items;
            for (const QueueItemView &item : p.items)
                items.push_back(&item);
            if (p.kind == trace::PrimitiveKind::LifoQueue)
                std::reverse(items.begin(), items.end());
            const int freePlaces = p.capacity > 0 && p.capacity <= 12 ? int(p.capacity) - int(items.size()) : 0;
            const double plusW = textW(StageFont::Chip, true, QStringLiteral("+0000")) + 16;
            for (size_t i = 0; i < items.size(); ++i) {
                const QString label = qs(items[i]->repr);
                const double w = std::clamp(textW(StageFont::Chip, true, label) + 20, 40.0, 150.0);
                const bool last = i + 1 == items.size();
                if (x + w > row.right() - (last ? 0 : plusW)) {
                    const QString more = QStringLiteral("+") + QString::number(items.size() - i);
                    text(itemKey(ItemRole::PrimitiveItemText, primitiveItemId(p.id, 0)), key,
                         QRectF(x, row.top(), row.right() - x, chipH), more, StageFont::Chip, true, pal.mutedText, 0x1, 3);
                    x = row.right();
                    break;
                }
                const ItemKey chip = itemKey(ItemRole::PrimitiveItem, primitiveItemId(p.id, items[i]->serial));
                box(chip, key, QRectF(x, row.top(), w, chipH), pal.handleFill, pal.handleBorder, 1.5, 8, 3);
                text(itemKey(ItemRole::PrimitiveItemText, primitiveItemId(p.id, items[i]->serial)), chip,
                     QRectF(8, 0, w - 16, chipH), label, StageFont::Chip, true, pal.text, 0x4, 4);
                x += w + chipGap;
            }
            for (int k = 0; k < freePlaces && x + 40 <= row.right(); ++k) {
                const size_t place = items.size() + size_t(k);
                const size_t index = box(itemKey(ItemRole::PrimitiveSlot, p.id, unsigned(place)), key,
                                         QRectF(x, row.top(), 40, chipH), QColor(), pal.regionBorder, 1.5, 8, 3);
                g.items[index].dashed = true;
                x += 40 + chipGap;
            }
            if (items.empty() && freePlaces == 0)
                text(itemKey(ItemRole::PrimitiveItemText, primitiveItemId(p.id, 0)), key, row, tr("empty"),
                     StageFont::Body, false, pal.mutedText, 0x1, 3);
        } else {
            const QString label = tr("held by");
            const double labelW = textW(StageFont::Body, false, label) + 8;
            text(itemKey(ItemRole::PrimitiveHolderText, primitiveItemId(p.id, 0)), key,
                 QRectF(x, row.top(), labelW, chipH), label, StageFont::Body, false, pal.mutedText, 0x1, 3);
            x += labelW;
            for (uint64_t holder : p.holders) {
                const TaskView *t = s.task(holder);
                const QString name = t ? qs(t->name) : QStringLiteral("#") + QString::number(holder);
                const double w = std::min(textW(StageFont::Chip, true, name) + 24, row.right() - x);
                if (w < 40)
                    break;
                const ItemKey chip = itemKey(ItemRole::PrimitiveHolder, primitiveItemId(p.id, holder));
                box(chip, key, QRectF(x, row.top(), w, chipH), mix(pal.taskColour(holder), pal.background, 0.75),
                    pal.taskColour(holder), 2, chipH / 2, 3);
                text(itemKey(ItemRole::PrimitiveHolderText, primitiveItemId(p.id, holder)), chip,
                     QRectF(10, 0, w - 20, chipH), name, StageFont::Chip, true, pal.text, 0x4, 4);
                x += w + chipGap;
            }
        }
        y += chipH + 2;
        if (!waiting.empty())
            waitersLine(p, key, QRectF(12, y - 2, innerW, rowH), waiting);
    }

    // Who waits, by operation: "get() ← Task-2, Task-3".
    void waitersLine(const PrimitiveView &p, ItemKey key, const QRectF &rect, const std::vector<const TaskView *> &waiting)
    {
        std::vector<std::pair<std::string, QStringList>> groups;
        for (const TaskView *t : waiting) {
            std::string op = t->awaitingLabel;
            const size_t dot = op.find('.');
            if (dot != std::string::npos)
                op = op.substr(dot + 1);
            auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == op; });
            if (it == groups.end())
                it = groups.insert(groups.end(), {op, {}});
            it->second << qs(t->name);
        }
        QStringList parts;
        for (const auto &[op, names] : groups)
            parts << qs(op) + QStringLiteral(" ← ") + names.join(QStringLiteral(", "));
        text(itemKey(ItemRole::PrimitiveText, p.id, 2), key, rect, parts.join(QStringLiteral(" · ")), StageFont::Body,
             false, pal.text, 0x1, 3);
    }

    // ---- TIMERS
    void timers()
    {
        const double laneH = std::round(chipH * 0.9);
        const double ax0 = timersRect.left() + 190, ax1 = timersRect.right() - pad - 40;
        const double axisY = timersRect.bottom() - 10 - 26 - 6;
        const double t0 = s.clock;
        double maxWhen = t0;
        for (const TimerView &t : s.timers)
            maxWhen = std::max(maxWhen, t.when);
        const double span = niceSpan(std::max(1.0, (maxWhen - t0) * 1.04));
        auto xOf = [&](double when) { return ax0 + std::clamp((when - t0) / span, 0.0, 1.0) * (ax1 - ax0); };

        StageItem axis;
        axis.key = itemKey(ItemRole::AxisLine, 0);
        axis.shape = StageItem::Shape::Line;
        axis.rect = QRectF(ax0, axisY, ax1 - ax0 + 24, 0);
        axis.stroke = pal.axis;
        axis.strokeWidth = 2;
        axis.z = 1;
        add(axis);

        // "now" at the left end, its value rolling with the clock; ticks count
        // seconds from now ("+0.5 s"), so a clock jump slides the timers
        // towards "now" under ticks that stay put.
        const double step = niceCeil(span / 4);
        StageItem now;
        now.key = itemKey(ItemRole::Now, 0);
        now.shape = StageItem::Shape::Marker;
        now.rect = QRectF(ax0 - 9, axisY - 16, 18, 14);
        now.fill = pal.text;
        now.z = 2;
        add(now);
        const QString nowLabel = tr("now");
        const double nowLabelW = textW(StageFont::Chip, true, nowLabel) + 2;
        const int decimals = std::fabs(t0 * 10 - std::round(t0 * 10)) < 1e-6 ? 1
            : std::fabs(t0 * 100 - std::round(t0 * 100)) < 1e-6               ? 2
                                                                              : 3;
        const QString nowValue = QString::number(t0, 'f', decimals);
        const double nowValueW = textW(StageFont::Chip, true, nowValue) + 4;
        const double nowW = nowLabelW + 8 + nowValueW;
        text(itemKey(ItemRole::AxisTickText, 0, 1), 0, QRectF(ax0 - nowW / 2, axisY + 6, nowLabelW, 26), nowLabel,
             StageFont::Chip, true, pal.text, 0x1, 2);
        StageItem nowCounter;
        nowCounter.key = itemKey(ItemRole::Counter, 3);
        nowCounter.shape = StageItem::Shape::Counter;
        nowCounter.rect = QRectF(ax0 - nowW / 2 + nowLabelW + 8, axisY + 6, nowValueW, 26);
        nowCounter.font = StageFont::Chip;
        nowCounter.bold = true;
        nowCounter.stroke = pal.text;
        nowCounter.align = 0x1;
        nowCounter.value = nowCounter.fromValue = t0;
        nowCounter.decimals = decimals;
        nowCounter.z = 2;
        add(nowCounter);
        for (int k = 1; double(k) * step <= span + 1e-9; ++k) {
            const double t = double(k) * step;
            const double x = xOf(t0 + t);
            if (x - ax0 < nowW / 2 + 50)
                continue;
            const uint64_t ms = uint64_t(std::llround(t * 1000));
            StageItem tick;
            tick.key = itemKey(ItemRole::AxisTick, ms);
            tick.shape = StageItem::Shape::Line;
            tick.rect = QRectF(x, axisY - 6, 0, 12);
            tick.stroke = pal.axis;
            tick.strokeWidth = 2;
            tick.z = 1;
            add(tick);
            const QString label = QStringLiteral("+") + formatTime(t, step) + QStringLiteral(" s");
            text(itemKey(ItemRole::AxisTickText, ms), 0, QRectF(x - 60, axisY + 6, 120, 26), label, StageFont::Chip,
                 false, pal.mutedText, 0x4, 1);
        }

        // Chips in two lanes above the axis; what does not fit is counted by
        // position in a third lane.
        // The event's timer and those of the tasks it concerns are placed first.
        std::vector<const TimerView *> order;
        order.reserve(s.timers.size());
        auto first = [&](const TimerView &t) {
            if (t.id == ctx.focus.timer)
                return true;
            const TaskView *task = focusTasks.empty() ? nullptr : timerTask(t);
            return task && focusTasks.count(task->id);
        };
        for (const TimerView &t : s.timers)
            if (first(t))
                order.push_back(&t);
        for (const TimerView &t : s.timers)
            if (!first(t))
                order.push_back(&t);
        std::vector<std::pair<double, double>> lanes[2];
        const double bucketW = 96;
        std::map<int, int> buckets;
        const double chipMin = 70;
        auto freeLane = [&](double left, double w) {
            for (int l = 0; l < 2; ++l) {
                bool free = true;
                for (const auto &[a, b] : lanes[l])
                    if (left < b + 6 && left + w > a - 6) {
                        free = false;
                        break;
                    }
                if (free)
                    return l;
            }
            return -1;
        };
        auto leftOf = [&](double cx, double w) {
            return std::clamp(cx - w / 2, timersRect.left() + 160, timersRect.right() - pad - w);
        };
        for (const TimerView *t : order) {
            const double cx = xOf(t->when);
            // Where not even the narrowest chip fits, the timer is only counted (unmeasured).
            int lane = freeLane(leftOf(cx, chipMin), chipMin);
            QString label;
            double w = chipMin, left = 0;
            if (lane >= 0) {
                label = timerLabel(*t);
                w = std::clamp(textW(StageFont::Chip, true, label) + 24, chipMin, 240.0);
                left = leftOf(cx, w);
                lane = freeLane(left, w);
            }
            if (lane < 0) {
                ++buckets[int((cx - ax0) / bucketW)];
                continue;
            }
            lanes[lane].push_back({left, left + w});
            const double top = axisY - 16 - laneH - double(lane) * (laneH + 4);
            timerChip(*t, label, QRectF(left, top, w, laneH), cx, axisY);
        }
        for (const auto &[bucket, count] : buckets) {
            const double cx = ax0 + (bucket + 0.5) * bucketW;
            const double top = axisY - 16 - laneH - 2 * (laneH + 4);
            const ItemKey key = itemKey(ItemRole::TimerGroup, uint64_t(bucket));
            const QRectF r(std::clamp(cx - 42, timersRect.left() + 160, timersRect.right() - pad - 84), top, 84, laneH);
            box(key, 0, r, pal.background, pal.axis, 1.5, 8, 3);
            g.items.back().dashed = true;
            text(itemKey(ItemRole::TimerGroupText, uint64_t(bucket)), key, QRectF(6, 0, 72, laneH),
                 QStringLiteral("+") + QString::number(count), StageFont::Chip, true, pal.text, 0x4, 4);
        }
        if (s.timers.empty())
            text(itemKey(ItemRole::Note, uint64_t(StageRegion::Timers)), 0,
                 QRectF(ax0 + 40, axisY - 16 - laneH, ax1 - ax0 - 80, laneH), tr("no timer pending"), StageFont::Body,
                 false, pal.mutedText, 0x1, 2);
    }

    const TaskView *timerTask(const TimerView &t) const
    {
        auto w = waiterOfFuture.find(futureIdIn(t.label));
        if (w != waiterOfFuture.end())
            return s.task(w->second);
        return t.task ? s.task(t.task) : nullptr;
    }

    // "Task-2 · 2.0": what the timer wakes, and when.
    QString timerLabel(const TimerView &t) const
    {
        QString what;
        if (const TaskView *task = timerTask(t)) {
            what = qs(task->name);
        } else if (const uint64_t future = futureIdIn(t.label)) {
            what = QStringLiteral("Future #") + QString::number(future);   // sleep()'s future, its waiter gone
        } else if (!t.label.empty()) {
            what = qs(t.label.substr(0, t.label.find('(')));               // the callback's name
        } else {
            what = QStringLiteral("#") + QString::number(t.id);
        }
        return what + QStringLiteral(" · ") + compactTime(t.when);
    }

    void timerChip(const TimerView &t, const QString &label, const QRectF &rect, double axisX, double axisY)
    {
        placedTimers[t.id] = t.id;
        const ItemKey key = itemKey(ItemRole::Timer, t.id);
        const TaskView *task = timerTask(t);
        QColor stroke = task ? pal.taskColour(task->id) : pal.handleBorder;
        QColor fill = task ? mix(stroke, pal.background, 0.72) : pal.handleFill;
        if (t.cancelled) {
            stroke = pal.cancelledItem;
            fill = pal.background;
        }
        box(key, 0, rect, fill, stroke, 2, 8, 3);
        g.items.back().dashed = t.cancelled;
        const size_t ti = text(itemKey(ItemRole::TimerText, t.id), key, QRectF(10, 0, rect.width() - 20, rect.height()),
                               label, StageFont::Chip, true, t.cancelled ? pal.mutedText : pal.text, 0x4, 4);
        g.items[ti].strike = t.cancelled;
        StageItem stem;
        stem.key = itemKey(ItemRole::TimerStem, t.id);
        stem.parent = key;
        stem.shape = StageItem::Shape::Line;
        stem.rect = QRectF(rect.width() / 2, rect.height(), axisX - rect.center().x(), axisY - rect.bottom());
        stem.stroke = t.cancelled ? pal.cancelledItem : stroke;
        stem.strokeWidth = 2;
        stem.dashed = t.cancelled;
        stem.z = 2;
        add(stem);
    }

    // ---- DONE
    void done()
    {
        std::vector<const TaskView *> tasks;
        for (const TaskView &t : s.tasks)
            if (t.id != cpuTask
                && (t.state == TaskState::Done || t.state == TaskState::Failed || t.state == TaskState::Cancelled))
                tasks.push_back(&t);
        const double left = doneRect.left() + 170, right = doneRect.right() - pad;
        const double y = doneRect.top() + (doneRect.height() - chipH) / 2;
        // How many fit, with room for the group chip when some do not.
        double total = 0;
        size_t fit = 0;
        for (const TaskView *t : tasks) {
            const double w = doneChipWidth(*t);
            if (left + total + w + (fit + 1 < tasks.size() ? 170 : 0) > right)
                break;
            total += w + 10;
            ++fit;
        }
        const std::vector<const TaskView *> visible =
            fit >= tasks.size() ? tasks : chooseVisible(tasks, fit + 1, true);
        double x = left;
        size_t placed = 0;
        for (const TaskView *t : visible) {
            const double w = doneChipWidth(*t);
            if (x + w > right - (placed + 1 < tasks.size() ? 170 : 0) && placed + 1 < tasks.size())
                break;
            doneChip(*t, QRectF(x, y, w, chipH));
            x += w + 10;
            ++placed;
        }
        const size_t hidden = tasks.size() - placed;
        if (hidden) {
            g.groupedTasks += int(hidden);
            const QString label = QStringLiteral("+") + QString::number(hidden) + QLatin1Char(' ') + tr("done");
            groupChip(StageGroup::Done, QRectF(x, y, std::min(160.0, right - x), chipH), label);
        }
    }

    QString doneNote(const TaskView &t) const
    {
        if (t.state == TaskState::Done)
            return QStringLiteral("✓ ") + qs(t.result);
        if (t.state == TaskState::Failed)
            return QStringLiteral("✗ ") + qs(t.exception.type)
                + (t.unretrieved ? QStringLiteral(" · ") + tr("never retrieved") : QString());
        return QStringLiteral("⊘ ") + taskStateLabel(TaskState::Cancelled, lang);
    }

    double doneChipWidth(const TaskView &t) const
    {
        const double nameW = std::min(textW(StageFont::Chip, true, qs(t.name)), 160.0);
        const double noteW =
            std::min(textW(StageFont::Chip, t.state == TaskState::Failed, doneNote(t)) + 2, t.unretrieved ? 400.0 : 220.0);
        return 22 + nameW + 10 + noteW + 14;
    }

    void doneChip(const TaskView &t, const QRectF &rect)
    {
        shownTasks.insert(t.id);
        const QColor colour = pal.taskColour(t.id);
        const ItemKey key = itemKey(ItemRole::Task, t.id);
        const bool failed = t.state == TaskState::Failed;
        const size_t chip = box(key, 0, rect, pal.cardFill, failed ? pal.exception : colour, 2, 8, 2);
        g.items[chip].dashed = t.unretrieved;   // its exception went nowhere
        box(itemKey(ItemRole::TaskStripe, t.id), key, QRectF(5, 5, 8, rect.height() - 10), colour, QColor(), 0, 4, 3);
        const double nameW = std::min(textW(StageFont::Chip, true, qs(t.name)) + 1, 160.0);
        text(itemKey(ItemRole::TaskTitle, t.id), key, QRectF(20, 0, nameW, rect.height()), qs(t.name), StageFont::Chip,
             true, pal.text, 0x1, 3);
        text(itemKey(ItemRole::TaskNote, t.id), key,
             QRectF(20 + nameW + 10, 0, rect.width() - nameW - 44, rect.height()), doneNote(t), StageFont::Chip, failed,
             failed ? pal.exception : pal.text, 0x1, 3);
    }

    // ---- the exception in flight
    // Where the exception token is when no exception is in flight but the
    // event moves one: stored into its task (it lands on the task's chip),
    // raised again in an awaiter (it leaves the failed task's chip), or a
    // cancellation delivered (it starts from the orange mark). The layouts
    // before and after such an event both place the token, so it glides.
    bool tokenAtRest(QString &label, QRectF &r, QColor &fill) const
    {
        if (!ctx.focus.kind)
            return false;
        const trace::EventKind kind = *ctx.focus.kind;
        uint64_t holder = 0;
        if (kind == EventKind::ExceptionStored || kind == EventKind::ExceptionReraised
            || kind == EventKind::ExceptionUnretrieved)
            holder = ctx.focus.future;
        else if (kind == EventKind::TaskFailed || kind == EventKind::CancelDelivered)
            holder = ctx.focus.tasks.empty() ? 0 : ctx.focus.tasks.front();
        const TaskView *t = s.task(holder);
        if (!t)
            return false;
        if (kind == EventKind::CancelDelivered) {
            const ItemKey mark = itemKey(ItemRole::CancelMark, t->id);
            if (!index.count(mark))
                return false;
            r = g.absoluteRect(mark);
            label = QStringLiteral("✗ CancelledError");
            fill = pal.cancel;
            return true;
        }
        if (t->state != TaskState::Failed || !index.count(itemKey(ItemRole::Task, t->id)))
            return false;
        label = QStringLiteral("✗ ") + qs(t->exception.type);
        if (kind == EventKind::ExceptionUnretrieved)
            label += QStringLiteral(" · ") + tr("never retrieved");
        r = onDoneChip(t->id, label);
        fill = pal.exception;
        return true;
    }

    // A token over the right end of a finished task's chip in DONE.
    QRectF onDoneChip(uint64_t task, const QString &label) const
    {
        const QRectF chip = g.absoluteRect(itemKey(ItemRole::Task, task));
        const double w = std::min(textW(StageFont::Chip, true, label) + 32, chip.width());
        return QRectF(chip.right() - w - 4, chip.center().y() - (rowH - 2) / 2, w, rowH - 2);
    }

    void exception()
    {
        if (s.inFlight.type.empty()) {
            QString label;
            QRectF r;
            QColor fill;
            if (!tokenAtRest(label, r, fill))
                return;
            const ItemKey key = itemKey(ItemRole::Exception, 0);
            box(key, 0, r, fill, pal.exceptionText, 2, r.height() / 2, 8);
            text(itemKey(ItemRole::ExceptionText, 0), key, QRectF(14, 0, r.width() - 28, r.height()), label,
                 StageFont::Chip, true, StagePalette::textOn(fill), 0x4, 9);
            return;
        }
        QString label = QStringLiteral("✗ ") + qs(s.inFlight.type);
        if (!s.inFlight.message.empty())
            label += QStringLiteral(": ") + qs(s.inFlight.message);
        const double full = textW(StageFont::Chip, true, label) + 32;
        const double h = rowH - 2;
        QRectF r;
        const ItemKey frameKey = itemKey(ItemRole::Frame, s.inFlight.frame);
        if (s.inFlight.frame && index.count(frameKey) && index.count(itemKey(ItemRole::Frame, s.inFlight.frame, 1))) {
            // Beside the frame's label ("fetch() · line 15"), within the frame row.
            const QRectF row = g.absoluteRect(frameKey);
            const QRectF labelRect = g.absoluteRect(itemKey(ItemRole::Frame, s.inFlight.frame, 1));
            const double room = row.right() - 4 - (labelRect.right() + 10);
            const double w = std::max(std::min(full, room), std::min(full, 150.0));
            r = QRectF(row.right() - 4 - w, row.top() + (rowH - h) / 2, w, h);
        } else if (doneRect.contains(g.absoluteRect(itemKey(ItemRole::Task, s.inFlight.task)).center())) {
            // Its task has just finished: on its chip.
            r = onDoneChip(s.inFlight.task, QStringLiteral("✗ ") + qs(s.inFlight.type));
        } else if (!exceptionSlot.isNull()) {
            // In the row its task's card keeps for it.
            const double w = std::min(full, exceptionSlot.width());
            r = QRectF(exceptionSlot.left(), exceptionSlot.top() + 1, w, h);
        } else {
            // Across the top of its task's card (or the CPU when it has none).
            QRectF anchor = cpuRect;
            if (index.count(itemKey(ItemRole::Task, s.inFlight.task)))
                anchor = g.absoluteRect(itemKey(ItemRole::Task, s.inFlight.task));
            const double w = std::min(full, std::max(150.0, anchor.width() - 40));
            r = QRectF(anchor.right() - 12 - w, anchor.top() + 40, w, h);
        }
        if (r.left() < 8)
            r.moveLeft(8);
        if (r.right() > W - 8)
            r.moveRight(W - 8);
        const ItemKey key = itemKey(ItemRole::Exception, 0);
        box(key, 0, r, pal.exception, pal.exceptionText, 2, h / 2, 8);
        text(itemKey(ItemRole::ExceptionText, 0), key, QRectF(14, 0, r.width() - 28, h), label, StageFont::Chip, true,
             pal.exceptionText, 0x4, 9);
    }

    // ---- arrows
    void arrow(ItemKey key, ItemKey from, ItemKey to, StageArrow::Kind kind, const QColor &colour, double width,
               bool dashed)
    {
        StageArrow a;
        a.key = key;
        a.from = from;
        a.to = to;
        a.kind = kind;
        a.colour = colour;
        a.width = width;
        a.dashed = dashed;
        g.arrows.push_back(a);
    }

    std::set<std::pair<uint64_t, uint64_t>> wokenByHolder;   // (primitive, holder task)

    void arrows()
    {
        arrow(itemKey(ItemRole::Region, uint64_t(StageRegion::ReadyLane), 1),
              itemKey(ItemRole::Region, uint64_t(StageRegion::ReadyLane)), itemKey(ItemRole::Region, uint64_t(StageRegion::Cpu)),
              StageArrow::Kind::Flow, pal.text, 4, false);
        // Arrows for every waiting card while they are few; in a crowd, only
        // for the tasks the event concerns (a web of arrows explains nothing).
        int waitingCards = 0;
        for (const TaskView &t : s.tasks)
            waitingCards += t.state == TaskState::Waiting && index.count(itemKey(ItemRole::Awaited, t.id)) ? 1 : 0;
        const bool crowd = waitingCards > kArrowsForAllUpTo;
        for (const TaskView &t : s.tasks) {
            if (t.state != TaskState::Waiting || !index.count(itemKey(ItemRole::Awaited, t.id)))
                continue;
            if (crowd && !focusTasks.count(t.id) && !focusTasks.count(t.awaiting))
                continue;
            const ItemKey pill = itemKey(ItemRole::Awaited, t.id);
            if (s.task(t.awaiting)) {
                // From the waiting card's edge: the pill already names the task.
                if (index.count(itemKey(ItemRole::Task, t.awaiting)))
                    arrow(itemKey(ItemRole::Awaited, t.id, 1), itemKey(ItemRole::Task, t.id),
                          itemKey(ItemRole::Task, t.awaiting), StageArrow::Kind::Awaits, pal.arrow, 2.5, false);
                continue;
            }
            auto timer = timerOfFuture.find(t.awaiting);
            if (timer != timerOfFuture.end() && placedTimers.count(timer->second))
                arrow(itemKey(ItemRole::Awaited, t.id, 2), pill, itemKey(ItemRole::Timer, timer->second),
                      StageArrow::Kind::WokenBy, pal.arrow, 2, true);
            // A primitive: to its box, and from there to whoever holds it (its release wakes the waiter).
            if (t.awaitingObject && index.count(itemKey(ItemRole::Primitive, t.awaitingObject))) {
                arrow(itemKey(ItemRole::Awaited, t.id, 3), pill, itemKey(ItemRole::Primitive, t.awaitingObject),
                      StageArrow::Kind::Waits, pal.arrow, 2.5, false);
                if (const PrimitiveView *p = s.primitive(t.awaitingObject))
                    for (uint64_t holder : p->holders)
                        if (index.count(itemKey(ItemRole::Task, holder)))
                            wokenByHolder.insert({p->id, holder});
            }
            // gather(), a TaskGroup, wait(): to each task it waits for.
            unsigned part = 4;
            for (uint64_t inner : t.awaitingTasks) {
                if (part > 200)
                    break;
                const TaskView *it = s.task(inner);
                const bool finished = !it || it->state == TaskState::Done || it->state == TaskState::Failed
                    || it->state == TaskState::Cancelled;
                if (finished || !index.count(itemKey(ItemRole::Task, inner)))
                    continue;
                // To a task in WAITING from the pill; to one on the CPU or in
                // READY (above) from the card's edge, as for a task awaited directly.
                if (it->state == TaskState::Waiting)
                    arrow(itemKey(ItemRole::Awaited, t.id, part++), pill, itemKey(ItemRole::Task, inner),
                          StageArrow::Kind::Waits, pal.arrow, 2, false);
                else
                    arrow(itemKey(ItemRole::Awaited, t.id, part++), itemKey(ItemRole::Task, t.id),
                          itemKey(ItemRole::Task, inner), StageArrow::Kind::Awaits, pal.arrow, 2, false);
            }
        }
        // Beneath the cards: the holder's chip already names it; the arrow
        // must not run over the waiters' pills.
        for (const auto &[primitive, holder] : wokenByHolder) {
            arrow(itemKey(ItemRole::PrimitiveHolder, primitiveItemId(primitive, holder), 1),
                  itemKey(ItemRole::Primitive, primitive), itemKey(ItemRole::Task, holder), StageArrow::Kind::WokenBy,
                  pal.taskColour(holder), 2.5, true);
            g.arrows.back().under = true;
        }
    }

    void markFocus()
    {
        auto mark = [this](ItemKey key) {
            auto it = index.find(key);
            if (it != index.end())
                g.items[it->second].focus = true;
        };
        for (uint64_t t : ctx.focus.tasks)
            mark(itemKey(ItemRole::Task, t));
        if (ctx.focus.handle)
            mark(itemKey(ItemRole::Handle, ctx.focus.handle));
        if (ctx.focus.timer) {
            mark(itemKey(ItemRole::Timer, ctx.focus.timer));
            mark(itemKey(ItemRole::Handle, ctx.focus.timer));
        }
        if (ctx.focus.frame)
            mark(itemKey(ItemRole::Frame, ctx.focus.frame));
        if (ctx.focus.object)
            mark(itemKey(ItemRole::Primitive, ctx.focus.object));
        if (ctx.focus.future && s.task(ctx.focus.future))
            mark(itemKey(ItemRole::Task, ctx.focus.future));
        if (ctx.focus.kind == EventKind::ClockJump) {
            mark(itemKey(ItemRole::Counter, 1));
            mark(itemKey(ItemRole::Now, 0));
        }
        if (ctx.focus.kind == EventKind::LoopIterationBegin)
            mark(itemKey(ItemRole::Counter, 2));
        g.shownTasks = int(shownTasks.size()) - (shownTasks.count(0) ? 1 : 0);
    }
};

} // namespace

StageFocus focusOf(const trace::Event &event)
{
    StageFocus f;
    f.kind = event.kind;
    if (event.task)
        f.tasks.push_back(event.task);
    if (event.future && event.future != event.task)
        f.tasks.push_back(event.future);   // a task awaited or stored into; unknown ids are ignored
    f.handle = event.handle;
    f.timer = event.timer;
    f.future = event.future;
    f.frame = event.frame;
    f.object = event.object;
    if (event.kind == trace::EventKind::FutureChained)
        f.object = 0;   // there `object` is a future
    return f;
}

double stageScale(const QSizeF &size)
{
    if (size.width() <= 0 || size.height() <= 0)
        return 1;
    return std::max(kMinStageScale, std::min(size.width() / kDesignWidth, size.height() / kDesignHeight));
}

StageGeometry layoutStage(const Snapshot &snapshot, const StageContext &context)
{
    return Builder(snapshot, context).build();
}

QString stageText(const char *english, Language language)
{
    const QString en = QString::fromUtf8(english);
    if (language == Language::English)
        return en;
    static const QHash<QString, QString> french = {
        {QStringLiteral("clock jump"), QStringLiteral("saut d'horloge")},
        {QStringLiteral("running"), QStringLiteral("exécute")},
        {QStringLiteral("a handle"), QStringLiteral("un handle")},
        {QStringLiteral("waiting in the selector"), QStringLiteral("attente dans le sélecteur")},
        {QStringLiteral("loop not started"), QStringLiteral("boucle pas encore lancée")},
        {QStringLiteral("between iterations"), QStringLiteral("entre deux itérations")},
        {QStringLiteral("loop finished"), QStringLiteral("boucle terminée")},
        {QStringLiteral("iteration"), QStringLiteral("itération")},
        {QStringLiteral("READY · call_soon FIFO, front first"), QStringLiteral("PRÊTS · file FIFO de call_soon, la tête d'abord")},
        {QStringLiteral("WAITING · suspended at an await"), QStringLiteral("EN ATTENTE · suspendues sur un await")},
        {QStringLiteral("TIMERS"), QStringLiteral("TIMERS")},
        {QStringLiteral("DONE"), QStringLiteral("TERMINÉES")},
        {QStringLiteral("line"), QStringLiteral("ligne")},
        {QStringLiteral("outer frame"), QStringLiteral("cadre plus bas")},
        {QStringLiteral("outer frames"), QStringLiteral("cadres plus bas")},
        {QStringLiteral("cancel requested"), QStringLiteral("annulation demandée")},
        {QStringLiteral("awaits"), QStringLiteral("attend")},
        {QStringLiteral("returned"), QStringLiteral("a renvoyé")},
        {QStringLiteral("handle"), QStringLiteral("handle")},
        {QStringLiteral("outside any task"), QStringLiteral("hors de toute tâche")},
        {QStringLiteral("free: the loop waits in the selector"), QStringLiteral("libre : la boucle attend dans le sélecteur")},
        {QStringLiteral("free"), QStringLiteral("libre")},
        {QStringLiteral("empty: nothing to run"), QStringLiteral("vide : rien à exécuter")},
        {QStringLiteral("ready"), QStringLiteral("prêtes")},
        {QStringLiteral("waiting on timers"), QStringLiteral("attendent un timer")},
        {QStringLiteral("waiting on tasks"), QStringLiteral("attendent une tâche")},
        {QStringLiteral("waiting on futures"), QStringLiteral("attendent un future")},
        {QStringLiteral("no task is waiting"), QStringLiteral("aucune tâche n'attend")},
        {QStringLiteral("now"), QStringLiteral("maintenant")},
        {QStringLiteral("no timer pending"), QStringLiteral("aucun timer en attente")},
        {QStringLiteral("done"), QStringLiteral("terminées")},
        {QStringLiteral("more primitive"), QStringLiteral("autre primitive")},
        {QStringLiteral("never retrieved"), QStringLiteral("jamais récupérée")},
        {QStringLiteral("more primitives"), QStringLiteral("autres primitives")},
        {QStringLiteral("size"), QStringLiteral("taille")},
        {QStringLiteral("value"), QStringLiteral("valeur")},
        {QStringLiteral("locked"), QStringLiteral("verrouillé")},
        {QStringLiteral("unlocked"), QStringLiteral("libre")},
        {QStringLiteral("set"), QStringLiteral("positionné")},
        {QStringLiteral("not set"), QStringLiteral("non positionné")},
        {QStringLiteral("empty"), QStringLiteral("vide")},
        {QStringLiteral("held by"), QStringLiteral("détenu par")},
    };
    return french.value(en, en);
}

QString taskStateLabel(TaskState state, Language language)
{
    const bool fr = language == Language::French;
    switch (state) {
    case TaskState::Ready: return fr ? QStringLiteral("prête") : QStringLiteral("ready");
    case TaskState::Running: return fr ? QStringLiteral("en cours") : QStringLiteral("running");
    case TaskState::Waiting: return fr ? QStringLiteral("en attente") : QStringLiteral("waiting");
    case TaskState::Done: return fr ? QStringLiteral("terminée") : QStringLiteral("done");
    case TaskState::Failed: return fr ? QStringLiteral("échouée") : QStringLiteral("failed");
    case TaskState::Cancelled: return fr ? QStringLiteral("annulée") : QStringLiteral("cancelled");
    }
    return QString();
}

QString prettyFutureLabel(const std::string &label)
{
    QString s = qs(label);
    if (s.startsWith(QLatin1Char('<')) && s.endsWith(QLatin1Char('>'))) {
        s = s.mid(1, s.size() - 2);
        if (s.startsWith(QStringLiteral("Task ")))
            s = s.mid(5);
    }
    return s;
}

} // namespace ascope

namespace ascope {

QString primitiveName(const trace::PrimitiveView &primitive)
{
    QString name = QString::fromStdString(primitive.type);
    if (primitive.ordinal > 1)
        name += QLatin1Char(' ') + QString::number(primitive.ordinal);
    return name;
}

} // namespace ascope
