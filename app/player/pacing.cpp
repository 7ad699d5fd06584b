#include "player/pacing.h"

#include <algorithm>

namespace ascope {

Pacing::Pacing(const trace::Trace &trace, const Duration &duration)
{
    m_start.reserve(trace.size() + 1);
    double t = 0.0;
    for (size_t i = 0; i < trace.size(); ++i) {
        m_start.push_back(t);
        t += std::max(0.0, duration(trace[i]));
    }
    m_start.push_back(t);
}

double Pacing::start(size_t position) const
{
    if (m_start.empty())
        return 0.0;
    return m_start[std::min(position, m_start.size() - 1)];
}

double Pacing::duration(size_t position) const
{
    if (position + 1 >= m_start.size())
        return 0.0;
    return m_start[position + 1] - m_start[position];
}

PlaybackPoint Pacing::at(double ms) const
{
    const size_t n = size();
    if (n == 0)
        return {};
    if (ms >= total())
        return {n - 1, 1.0};
    ms = std::max(ms, 0.0);
    // The last event starting at or before `ms` whose span contains it: the
    // first start > ms, minus one (zero-length events share their start with
    // the next event and are skipped that way).
    auto it = std::upper_bound(m_start.begin(), m_start.end() - 1, ms);
    const size_t i = size_t(it - m_start.begin()) - 1;
    const double d = duration(i);
    return {i, d > 0 ? std::clamp((ms - m_start[i]) / d, 0.0, 1.0) : 1.0};
}

} // namespace ascope
