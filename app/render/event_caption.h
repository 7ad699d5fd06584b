// What an event does, in one sentence for the stage header.
//
// Why it is built this way: a paused frame must say what just happened
// ("Task-2.__step leaves READY and runs") without the viewer decoding the
// motion; the sentence is made from the event and the states around it only,
// in the course's two languages.
#pragma once

#include "scenario_catalog.h"
#include "trace/snapshot.h"

#include <QString>

namespace ascope {

// "step 31 · The clock jumps from 0.000 to 1.000 s". `before` and `after`
// are the states around the event (for names of tasks and frames).
QString describeEvent(size_t step, const trace::Event &event, const trace::Snapshot &before,
                      const trace::Snapshot &after, Language language);

} // namespace ascope
