#include "trace/trace.h"

#include <array>
#include <atomic>
#include <cmath>
#include <cstring>

namespace ascope::trace {

namespace {

constexpr std::array<std::string_view, kEventKindCount> kKindNames = {
    "loop_iteration_begin", "loop_iteration_end", "select_wait",     "clock_jump",
    "handle_scheduled",     "handle_run",         "handle_skipped",  "handle_cancelled",
    "timer_added",          "timer_fired",        "timer_cancelled", "timer_removed",
    "task_created",         "task_started",       "task_suspended",  "task_resumed",
    "task_done",            "task_failed",        "task_cancelled",  "future_created",
    "future_done",          "frame_pushed",       "frame_popped",    "line_executed",
    "exception_raised",     "exception_propagated", "exception_caught", "exception_stored",
    "exception_reraised",   "cancel_requested",   "cancel_delivered", "output_written",
};

// Code events (and output) belong to the task running when they happen.
bool isCodeEvent(EventKind k) {
    switch (k) {
    case EventKind::FramePushed:
    case EventKind::FramePopped:
    case EventKind::LineExecuted:
    case EventKind::ExceptionRaised:
    case EventKind::ExceptionPropagated:
    case EventKind::ExceptionCaught:
    case EventKind::OutputWritten:
        return true;
    default:
        return false;
    }
}

// ---- encoding
//
// Per event, in the byte stream: a varint mask of the fields present (bits
// below, the most frequent first so that the mask usually takes one byte),
// then each present field in bit order. Numbers are LEB128 varints; the time
// (present only when it differs from the previous event's) and non-integral
// values are 8 raw bytes; interned strings are their table id; inline strings
// are a length and the bytes.
enum Field : uint32_t {
    kTime = 1u << 0,
    kTask = 1u << 1,
    kHandle = 1u << 2,
    kFuture = 1u << 3,
    kFrame = 1u << 4,
    kLine = 1u << 5,
    kLabel = 1u << 6,
    kFunction = 1u << 7,
    kFile = 1u << 8,
    kTimer = 1u << 9,
    kText = 1u << 10,
    kExcType = 1u << 11,
    kExcMessage = 1u << 12,
    kValue = 1u << 13,
    kStderr = 1u << 14,
    kLocals = 1u << 15,
    kSeq = 1u << 16,  // seq differs from the event's index
};

inline void putVarint(std::vector<uint8_t>& out, uint64_t v) {
    while (v >= 0x80) {
        out.push_back(uint8_t(v) | 0x80);
        v >>= 7;
    }
    out.push_back(uint8_t(v));
}

inline uint64_t getVarint(const uint8_t*& p) {
    uint64_t v = *p & 0x7f;
    if (!(*p++ & 0x80)) return v;
    for (int shift = 7;; shift += 7) {
        uint8_t b = *p++;
        v |= uint64_t(b & 0x7f) << shift;
        if (!(b & 0x80)) return v;
    }
}

inline void putDouble(std::vector<uint8_t>& out, double d) {
    uint8_t b[8];
    std::memcpy(b, &d, 8);
    out.insert(out.end(), b, b + 8);
}

inline double getDouble(const uint8_t*& p) {
    double d;
    std::memcpy(&d, p, 8);
    p += 8;
    return d;
}

inline void putText(std::vector<uint8_t>& out, std::string_view s) {
    putVarint(out, s.size());
    out.insert(out.end(), s.begin(), s.end());
}

inline void getText(const uint8_t*& p, std::string& s) {
    size_t n = size_t(getVarint(p));
    s.assign(reinterpret_cast<const char*>(p), n);
    p += n;
}

// Small whole numbers (iteration numbers, most deadlines in tests) as a
// varint with a low 0 bit; anything else as a 1 and the raw double.
inline void putValue(std::vector<uint8_t>& out, double v) {
    if (v >= 0 && v < 4503599627370496.0 && double(uint64_t(v)) == v && !std::signbit(v)) {
        putVarint(out, uint64_t(v) << 1);
    } else {
        out.push_back(1);
        putDouble(out, v);
    }
}

inline double getValue(const uint8_t*& p) {
    uint64_t v = getVarint(p);
    if (v & 1) return getDouble(p);
    return double(v >> 1);
}

uint32_t hashOf(std::string_view s) {
    uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

std::atomic<uint64_t> g_identities{0};

// Where this thread last stopped decoding a trace sequentially through at().
struct DecodeCache {
    uint64_t identity = 0;
    size_t next = 0;    // index of the next event to decode
    size_t offset = 0;  // its byte offset
    double time = 0.0;  // time of the event before it
    Event scratch;
};
thread_local DecodeCache t_cache;

}  // namespace

std::string_view kindName(EventKind kind) { return kKindNames[size_t(kind)]; }

bool kindFromName(std::string_view name, EventKind& kind) {
    for (size_t i = 0; i < kKindNames.size(); ++i) {
        if (kKindNames[i] == name) {
            kind = EventKind(i);
            return true;
        }
    }
    return false;
}

// ------------------------------------------------------------ StringTable

uint32_t StringTable::intern(std::string_view s) {
    if (m_slots.size() < 2 * (size() + 1)) grow();
    uint32_t h = hashOf(s);
    size_t mask = m_slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t slot = m_slots[i];
        if (slot == 0) {
            uint32_t id = uint32_t(size());
            m_chars.insert(m_chars.end(), s.begin(), s.end());
            m_offsets.push_back(uint32_t(m_chars.size()));
            m_hashes.push_back(h);
            m_slots[i] = id + 1;
            return id;
        }
        if (m_hashes[slot - 1] == h && (*this)[slot - 1] == s) return slot - 1;
    }
}

void StringTable::grow() {
    size_t n = m_slots.empty() ? 64 : m_slots.size() * 2;
    m_slots.assign(n, 0);
    size_t mask = n - 1;
    for (uint32_t id = 0; id < size(); ++id) {
        size_t i = m_hashes[id] & mask;
        while (m_slots[i]) i = (i + 1) & mask;
        m_slots[i] = id + 1;
    }
}

size_t StringTable::byteSize() const {
    return m_chars.capacity() + (m_offsets.capacity() + m_slots.capacity() + m_hashes.capacity()) * 4;
}

// ------------------------------------------------------------------ Trace

Trace::Trace() { renew(); }
Trace::Trace(const Trace& o)
    : m_bytes(o.m_bytes), m_kinds(o.m_kinds), m_blocks(o.m_blocks), m_strings(o.m_strings), m_lastTime(o.m_lastTime) {
    renew();
}
Trace::Trace(Trace&& o) noexcept
    : m_bytes(std::move(o.m_bytes)), m_kinds(std::move(o.m_kinds)), m_blocks(std::move(o.m_blocks)),
      m_strings(std::move(o.m_strings)), m_lastTime(o.m_lastTime) {
    renew();
    o = Trace();
}
Trace& Trace::operator=(const Trace& o) {
    if (this != &o) {
        Trace copy(o);
        *this = std::move(copy);
    }
    return *this;
}
Trace& Trace::operator=(Trace&& o) noexcept {
    if (this != &o) {
        m_bytes = std::move(o.m_bytes);
        m_kinds = std::move(o.m_kinds);
        m_blocks = std::move(o.m_blocks);
        m_strings = std::move(o.m_strings);
        m_lastTime = o.m_lastTime;
        o.m_bytes.clear();
        o.m_kinds.clear();
        o.m_blocks.clear();
        o.m_strings = StringTable();
        o.m_lastTime = 0.0;
        o.renew();
    }
    renew();
    return *this;
}

void Trace::renew() { m_identity = ++g_identities; }

namespace {

// The view of an owning event; `locals` receives the views of its locals.
EventView viewOf(const Event& e, std::vector<LocalView>& locals) {
    for (const auto& [name, repr] : e.locals) locals.push_back(LocalView{name, repr});
    EventView v;
    v.kind = e.kind;
    v.seq = e.seq;
    v.time = e.time;
    v.task = e.task;
    v.handle = e.handle;
    v.future = e.future;
    v.timer = e.timer;
    v.frame = e.frame;
    v.function = e.function;
    v.file = e.file;
    v.line = e.line;
    v.label = e.label;
    v.text = e.text;
    v.excType = e.excType;
    v.excMessage = e.excMessage;
    v.value = e.value;
    v.isStderr = e.isStderr;
    v.locals = locals.data();
    v.localCount = locals.size();
    return v;
}

}  // namespace

void Trace::append(const Event& e) {
    std::vector<LocalView> locals;
    append(viewOf(e, locals));
}

void Trace::append(const EventView& e) {
    if (e.localCount == 0) {
        appendEncoded(e, nullptr);
        return;
    }
    std::vector<uint32_t> names(e.localCount);
    for (size_t i = 0; i < e.localCount; ++i) names[i] = m_strings.intern(e.locals[i].name);
    appendEncoded(e, names.data());
}

void Trace::appendEncoded(const EventView& e, const uint32_t* localNames) {
    size_t index = m_kinds.size();
    if (index % kBlockSize == 0) m_blocks.push_back(Block{m_bytes.size(), m_lastTime});
    uint32_t mask = 0;
    // Compare the bits: -0.0 and NaN times must survive too.
    if (std::memcmp(&e.time, &m_lastTime, sizeof(double)) != 0) mask |= kTime;
    if (e.task) mask |= kTask;
    if (e.handle) mask |= kHandle;
    if (e.future) mask |= kFuture;
    if (e.frame) mask |= kFrame;
    if (e.line) mask |= kLine;
    if (!e.label.empty()) mask |= kLabel;
    if (!e.function.empty()) mask |= kFunction;
    if (!e.file.empty()) mask |= kFile;
    if (e.timer) mask |= kTimer;
    if (!e.text.empty()) mask |= kText;
    if (!e.excType.empty()) mask |= kExcType;
    if (!e.excMessage.empty()) mask |= kExcMessage;
    if (e.value != 0.0 || std::signbit(e.value)) mask |= kValue;
    if (e.isStderr) mask |= kStderr;
    if (e.localCount) mask |= kLocals;
    if (e.seq != index) mask |= kSeq;
    m_kinds.push_back(e.kind);
    std::vector<uint8_t>& out = m_bytes;
    putVarint(out, mask);
    if (mask & kTime) putDouble(out, e.time);
    if (mask & kTask) putVarint(out, e.task);
    if (mask & kHandle) putVarint(out, e.handle);
    if (mask & kFuture) putVarint(out, e.future);
    if (mask & kFrame) putVarint(out, e.frame);
    if (mask & kLine) putVarint(out, uint32_t(e.line));
    if (mask & kLabel) putVarint(out, m_strings.intern(e.label));
    if (mask & kFunction) putVarint(out, m_strings.intern(e.function));
    if (mask & kFile) putVarint(out, m_strings.intern(e.file));
    if (mask & kTimer) putVarint(out, e.timer);
    if (mask & kText) putText(out, e.text);
    if (mask & kExcType) putVarint(out, m_strings.intern(e.excType));
    if (mask & kExcMessage) putText(out, e.excMessage);
    if (mask & kValue) putValue(out, e.value);
    if (mask & kLocals) {
        putVarint(out, e.localCount);
        for (size_t i = 0; i < e.localCount; ++i) {
            putVarint(out, localNames[i]);
            putText(out, e.locals[i].repr);
        }
    }
    if (mask & kSeq) putVarint(out, e.seq);
    m_lastTime = e.time;
}

size_t Trace::decode(size_t index, size_t offset, double& time, Event& e) const {
    const uint8_t* p = m_bytes.data() + offset;
    uint32_t mask = uint32_t(getVarint(p));
    e.kind = m_kinds[index];
    if (mask & kTime) time = getDouble(p);
    e.time = time;
    e.task = mask & kTask ? getVarint(p) : 0;
    e.handle = mask & kHandle ? getVarint(p) : 0;
    e.future = mask & kFuture ? getVarint(p) : 0;
    e.frame = mask & kFrame ? getVarint(p) : 0;
    e.line = mask & kLine ? int(uint32_t(getVarint(p))) : 0;
    if (mask & kLabel) e.label = m_strings[uint32_t(getVarint(p))];
    else e.label.clear();
    if (mask & kFunction) e.function = m_strings[uint32_t(getVarint(p))];
    else e.function.clear();
    if (mask & kFile) e.file = m_strings[uint32_t(getVarint(p))];
    else e.file.clear();
    e.timer = mask & kTimer ? getVarint(p) : 0;
    if (mask & kText) getText(p, e.text);
    else e.text.clear();
    if (mask & kExcType) e.excType = m_strings[uint32_t(getVarint(p))];
    else e.excType.clear();
    if (mask & kExcMessage) getText(p, e.excMessage);
    else e.excMessage.clear();
    e.value = mask & kValue ? getValue(p) : 0.0;
    e.isStderr = (mask & kStderr) != 0;
    if (mask & kLocals) {
        size_t n = size_t(getVarint(p));
        e.locals.resize(n);
        for (size_t i = 0; i < n; ++i) {
            e.locals[i].first = m_strings[uint32_t(getVarint(p))];
            getText(p, e.locals[i].second);
        }
    } else {
        e.locals.clear();
    }
    e.seq = mask & kSeq ? getVarint(p) : index;
    return size_t(p - m_bytes.data());
}

Event Trace::at(size_t i) const {
    DecodeCache& c = t_cache;
    if (c.identity != m_identity || c.next > i || i - c.next >= kBlockSize) {
        const Block& b = m_blocks[i / kBlockSize];
        c.identity = m_identity;
        c.next = i / kBlockSize * kBlockSize;
        c.offset = size_t(b.offset);
        c.time = b.time;
    }
    while (c.next <= i) {
        c.offset = decode(c.next, c.offset, c.time, c.scratch);
        ++c.next;
    }
    return c.scratch;
}

Trace::const_iterator::const_iterator(const Trace* t, size_t index) : m_trace(t), m_index(index) {
    if (index >= t->size()) {
        m_index = t->size();
        return;
    }
    const Block& b = t->m_blocks[index / kBlockSize];
    size_t offset = size_t(b.offset);
    double time = b.time;
    for (size_t k = index / kBlockSize * kBlockSize; k <= index; ++k) offset = t->decode(k, offset, time, m_event);
    m_offset = offset;
}

Trace::const_iterator& Trace::const_iterator::operator++() {
    ++m_index;
    if (m_index < m_trace->size()) {
        double time = m_event.time;
        m_offset = m_trace->decode(m_index, m_offset, time, m_event);
    }
    return *this;
}

size_t Trace::byteSize() const {
    return m_bytes.capacity() + m_kinds.capacity() + m_blocks.capacity() * sizeof(Block) + m_strings.byteSize();
}

bool Trace::operator==(const Trace& other) const {
    if (size() != other.size()) return false;
    for (auto a = begin(), b = other.begin(); a != end(); ++a, ++b)
        if (!(*a == *b)) return false;
    return true;
}

// ------------------------------------------------------------- recorders

void Recorder::record(const Event& e) {
    std::vector<LocalView> locals;
    record(viewOf(e, locals));
}

TraceRecorder::TraceRecorder(Trace& trace, std::function<double()> clock)
    : m_trace(trace), m_clock(std::move(clock)) {}

void TraceRecorder::record(const EventView& view) {
    EventView event = view;
    event.seq = m_trace.size();
    event.time = m_clock ? m_clock() : 0.0;
    if (isCodeEvent(event.kind) && event.task == 0) event.task = m_runningTask;
    switch (event.kind) {
    case EventKind::TaskStarted: m_runningTask = event.task; break;
    case EventKind::TaskSuspended:
    case EventKind::TaskDone:
    case EventKind::TaskFailed:
    case EventKind::TaskCancelled:
        if (m_runningTask == event.task) m_runningTask = 0;
        break;
    case EventKind::LineExecuted: recordLine(event); return;
    case EventKind::FramePopped:
        if (m_lastFrame == event.frame) {
            m_lastFrame = 0;
            m_lastLocals = nullptr;
        }
        m_frames.erase(event.frame);
        break;
    default: break;
    }
    if (event.localCount) {
        m_names.resize(event.localCount);
        for (size_t i = 0; i < event.localCount; ++i) m_names[i] = m_trace.intern(event.locals[i].name);
        m_trace.appendEncoded(event, m_names.data());
    } else {
        m_trace.appendEncoded(event, nullptr);
    }
}

// Stores the difference between the frame's locals at its previous line
// event and `event.locals` (Event::locals says how it is applied).
void TraceRecorder::recordLine(EventView& event) {
    FrameLocals* previous;
    if (event.frame != 0 && event.frame == m_lastFrame) {
        previous = m_lastLocals;
    } else {
        previous = &m_frames[event.frame];
        m_lastFrame = event.frame;
        m_lastLocals = previous;
    }
    auto& old = previous->entries;
    // The new list: bound names only, interned.
    m_names.clear();
    size_t bound = 0;
    for (size_t i = 0; i < event.localCount; ++i) {
        if (event.locals[i].repr.empty()) {
            m_names.push_back(UINT32_MAX);
            continue;
        }
        m_names.push_back(m_trace.intern(event.locals[i].name));
        ++bound;
    }
    m_diff.clear();
    m_diffNames.clear();
    auto emit = [&](uint32_t name, std::string_view repr) {
        m_diff.push_back(LocalView{m_trace.strings()[name], repr});
        m_diffNames.push_back(name);
    };
    // Names that disappeared go first.
    size_t kept = 0;
    for (size_t k = 0; k < old.size(); ++k) {
        bool present = false;
        for (size_t i = 0; i < event.localCount && !present; ++i) present = m_names[i] == old[k].first;
        if (present) {
            if (kept != k) old[kept] = std::move(old[k]);
            ++kept;
        } else {
            emit(old[k].first, {});
        }
    }
    old.resize(kept);
    // Walk the new list against the kept one; a new name before kept ones
    // forces those to be removed and appended again, in order.
    size_t q = 0;
    for (size_t i = 0; i < event.localCount; ++i) {
        uint32_t name = m_names[i];
        if (name == UINT32_MAX) continue;
        std::string_view repr = event.locals[i].repr;
        if (q < old.size() && old[q].first == name) {
            if (old[q].second != repr) emit(name, repr);
            ++q;
            continue;
        }
        for (size_t k = q; k < old.size(); ++k) emit(old[k].first, {});
        for (size_t j = i; j < event.localCount; ++j)
            if (m_names[j] != UINT32_MAX) emit(m_names[j], event.locals[j].repr);
        break;
    }
    // Remember the full list for the next line of this frame.
    old.resize(bound);
    size_t k = 0;
    for (size_t i = 0; i < event.localCount; ++i) {
        if (m_names[i] == UINT32_MAX) continue;
        old[k].first = m_names[i];
        old[k].second.assign(event.locals[i].repr);
        ++k;
    }
    event.locals = m_diff.data();
    event.localCount = m_diff.size();
    m_trace.appendEncoded(event, m_diffNames.data());
}

}  // namespace ascope::trace
