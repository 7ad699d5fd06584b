#include "render/stage_source.h"

#include "render/event_caption.h"

#include <QFileInfo>

#include <algorithm>

namespace ascope {

namespace {

QString qs(const std::string &s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); }

} // namespace

StageSource::StageSource(const trace::Trace &trace, const trace::TraceIndex *index) : m_trace(trace)
{
    if (!index) {
        m_ownIndex = std::make_unique<trace::TraceIndex>(trace);
        index = m_ownIndex.get();
    }
    m_index = index;
    for (size_t i = 0; i < m_trace.size(); ++i) {
        // Whatever Trace hands out (a reference or a value built on demand).
        auto &&e = m_trace[i];
        switch (e.kind) {
        case trace::EventKind::HandleScheduled:
        case trace::EventKind::HandleRun:
        case trace::EventKind::TimerAdded: {
            const uint64_t id = e.handle ? e.handle : e.timer;
            if (!id || e.label.empty())
                break;
            trace::HandleView &h = m_handles[id];
            h.id = id;
            h.label = e.label;
            if (e.task)
                h.task = e.task;
            break;
        }
        default:
            break;
        }
    }
}

void StageSource::setScenario(const std::string &source, const std::string &file)
{
    m_lines = qs(source).split(QLatin1Char('\n'));
    m_file = file;
    m_meta = scenario::parseScenarioMeta(source);
    m_cueStops = scenario::cueStops(m_trace, m_meta.cues, file);
}

trace::Snapshot StageSource::snapshotAt(long step) const
{
    if (step < 0 || m_trace.empty())
        return trace::Snapshot();
    return m_index->snapshotAt(size_t(step));
}

QString StageSource::titleFor(Language language) const
{
    const QString title = qs(m_meta.title(languageCode(language).toStdString()));
    return title.isEmpty() ? QFileInfo(qs(m_file)).fileName() : title;
}

QString StageSource::narrationAt(size_t step, Language language) const
{
    const long cue = scenario::currentCue(m_cueStops, step);
    if (cue < 0)
        return QString();
    return qs(m_meta.cues[size_t(cue)].in(languageCode(language).toStdString()));
}

StageContext StageSource::contextFor(const trace::Snapshot &snapshot, const trace::Event *event,
                                     const FrameOptions &options) const
{
    StageContext ctx;
    ctx.theme = options.theme;
    ctx.language = options.language;
    ctx.size = QSizeF(options.size);
    ctx.narrationBand = options.narration == FrameOptions::Narration::Show
        || (options.narration == FrameOptions::Narration::Auto && hasNarration());
    if (event)
        ctx.focus = focusOf(*event);
    if (snapshot.runningHandle) {
        auto h = m_handles.find(snapshot.runningHandle);
        if (h != m_handles.end())
            ctx.running = h->second;
    }
    ctx.source = m_lines.isEmpty() ? nullptr : &m_lines;
    ctx.sourceFile = m_file;
    return ctx;
}

FrameInput StageSource::frame(size_t step, double linearProgress, const FrameOptions &options) const
{
    return transition(long(std::min(step, m_trace.empty() ? 0 : m_trace.size() - 1)) - 1, step, linearProgress,
                      options);
}

FrameInput StageSource::transition(long from, size_t to, double linearProgress, const FrameOptions &options) const
{
    FrameInput input;
    input.theme = options.theme;
    input.size = options.size;
    input.language = options.language;
    input.title = titleFor(options.language);
    if (m_trace.empty()) {
        const trace::Snapshot empty;
        input.after = layoutStage(empty, contextFor(empty, nullptr, options));
        input.before = input.after;
        input.progress = 1;
        return input;
    }
    to = std::min(to, m_trace.size() - 1);
    from = std::min(from, long(to));
    const trace::Event event = m_trace[to];
    const trace::Snapshot before = snapshotAt(from);
    const trace::Snapshot after = snapshotAt(long(to));
    input.before = layoutStage(before, contextFor(before, &event, options));
    input.after = layoutStage(after, contextFor(after, &event, options));
    input.progress = options.theme->ease(event.kind, linearProgress);
    input.narration = narrationAt(to, options.language);
    input.eventText = describeEvent(to, event, before, after, options.language);
    input.event = event;
    return input;
}

} // namespace ascope
