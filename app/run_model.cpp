#include "run_model.h"

#include <QElapsedTimer>

namespace ascope {

std::shared_ptr<const RunModel> RunModel::run(const QString &fileName, const std::string &source,
                                              const RunLimits &limits, const Pacing::Duration &duration)
{
    std::shared_ptr<RunModel> model(new RunModel);
    model->m_fileName = fileName.toStdString();
    model->m_source = source;
    RunOptions options;
    if (limits.maxSteps >= 0)
        options.maxSteps = limits.maxSteps;
    if (limits.maxMemory >= 0)
        options.memoryLimit = limits.maxMemory;
    options.trace = &model->m_trace;
    options.maxEvents = limits.maxEvents;
    QElapsedTimer clock;
    clock.start();
    model->m_result = runSource(model->m_fileName, source, options);
    model->m_runMs = clock.restart();

    model->m_index = std::make_unique<trace::TraceIndex>(model->m_trace);
    model->m_stageSource = std::make_unique<StageSource>(model->m_trace, model->m_index.get());
    model->m_stageSource->setScenario(source, model->m_fileName);
    model->m_meta = scenario::parseScenarioMeta(source);
    model->m_cueStops = scenario::cueStops(model->m_trace, model->m_meta.cues, model->m_fileName);
    std::vector<size_t> cuePositions;
    for (const scenario::CueStop &stop : model->m_cueStops)
        cuePositions.push_back(stop.event);
    model->m_stops = trace::StopIndex(model->m_trace, std::move(cuePositions));
    model->m_timeline = trace::buildTimeline(model->m_trace);
    model->m_pacing = Pacing(model->m_trace, duration);
    model->m_indexMs = clock.elapsed();
    return model;
}

trace::Snapshot RunModel::snapshotAt(long position) const
{
    if (position < 0 || m_trace.empty())
        return {};
    return m_index->snapshotAt(size_t(position));
}

} // namespace ascope
