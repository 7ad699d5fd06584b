#include "trace/trace.h"

#include <array>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <sys/mman.h>

namespace ascope::trace {

namespace {

constexpr std::array<std::string_view, kEventKindCount> kKindNames = {
    "loop_iteration_begin", "loop_iteration_end", "select_wait",     "clock_jump",
    "handle_scheduled",     "handle_run",         "handle_skipped",  "handle_cancelled",
    "timer_added",          "timer_fired",        "timer_cancelled", "timer_removed",
    "task_created",         "task_started",       "task_suspended",  "task_resumed",
    "task_done",            "task_failed",        "task_cancelled",  "future_created",
    "future_done",          "future_chained",     "primitive_created", "primitive_changed",
    "frame_pushed",       "frame_popped",    "line_executed",
    "exception_raised",     "exception_propagated", "exception_caught", "exception_stored",
    "exception_reraised",   "exception_unretrieved", "cancel_requested",   "cancel_delivered", "output_written",
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
    kObject = 1u << 17,
};

// Labels: the byte standing for a number, and how many numbers one holds
// (see Trace::putLabel).
constexpr char kNumberMarker = kLabelNumberMarker;
constexpr size_t kMaxNumbers = 4;

// Writers advance a raw pointer into room reserved beforehand (at most
// kMaxVarint bytes per varint).
constexpr size_t kMaxVarint = 10;

inline void putVarint(uint8_t*& p, uint64_t v) {
    while (v >= 0x80) {
        *p++ = uint8_t(v) | 0x80;
        v >>= 7;
    }
    *p++ = uint8_t(v);
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

inline void putDouble(uint8_t*& p, double d) {
    std::memcpy(p, &d, 8);
    p += 8;
}

inline double getDouble(const uint8_t*& p) {
    double d;
    std::memcpy(&d, p, 8);
    p += 8;
    return d;
}

inline void putText(uint8_t*& p, std::string_view s) {
    putVarint(p, s.size());
    std::memcpy(p, s.data(), s.size());
    p += s.size();
}

inline void getText(const uint8_t*& p, std::string& s) {
    size_t n = size_t(getVarint(p));
    s.assign(reinterpret_cast<const char*>(p), n);
    p += n;
}

// Small whole numbers (iteration numbers, most deadlines in tests) as a
// varint with a low 0 bit; anything else as a 1 and the raw double.
inline void putValue(uint8_t*& p, double v) {
    if (v >= 0 && v < 4503599627370496.0 && double(uint64_t(v)) == v && !std::signbit(v)) {
        putVarint(p, uint64_t(v) << 1);
    } else {
        *p++ = 1;
        putDouble(p, v);
    }
}

inline double getValue(const uint8_t*& p) {
    uint64_t v = getVarint(p);
    if (v & 1) return getDouble(p);
    return double(v >> 1);
}

// Eight bytes at a time, then a final mix (the table uses the low bits).
uint32_t hashOf(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    uint64_t tail = 0;
    if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    return uint32_t(h ^ (h >> 32));
}

uint64_t hash64(std::string_view s) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (s.size() * 0xC4CEB9FE1A85EC53ull);
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 31;
    }
    uint64_t tail = 0;
    if (i < s.size()) std::memcpy(&tail, s.data() + i, s.size() - i);
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    return h ^ (h >> 32);
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
    uint32_t h = hashOf(s);
    Slot& recent = m_recent[(h >> 16) & (kRecent - 1)];
    if (recent.id && recent.hash == h && (*this)[recent.id - 1] == s) return recent.id - 1;
    if (m_slots.size() < 2 * (size() + 1)) grow();
    size_t mask = m_slots.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        Slot& slot = m_slots[i];
        if (slot.id == 0) {
            uint32_t id = uint32_t(size());
            m_chars.insert(m_chars.end(), s.begin(), s.end());
            m_offsets.push_back(uint32_t(m_chars.size()));
            slot = Slot{h, id + 1};
            recent = slot;
            return id;
        }
        if (slot.hash == h && (*this)[slot.id - 1] == s) {
            recent = slot;
            return slot.id - 1;
        }
    }
}

void StringTable::grow() {
    size_t n = m_slots.empty() ? 64 : m_slots.size() * 2;
    std::vector<Slot> old(n);
    old.swap(m_slots);
    size_t mask = n - 1;
    for (const Slot& slot : old) {
        if (slot.id == 0) continue;
        size_t i = slot.hash & mask;
        while (m_slots[i].id) i = (i + 1) & mask;
        m_slots[i] = slot;
    }
}

size_t StringTable::byteSize() const {
    return m_chars.capacity() + m_offsets.capacity() * 4 + (m_slots.capacity() + m_recent.capacity()) * sizeof(Slot);
}

// ------------------------------------------------------------------ Trace

Trace::Trace() { renew(); }
Trace::Trace(const Trace& o)
    : m_chunks(o.m_chunks), m_kinds(o.m_kinds), m_blocks(o.m_blocks), m_strings(o.m_strings), m_lastTime(o.m_lastTime) {
    renew();
}
Trace::Trace(Trace&& o) noexcept
    : m_chunks(std::move(o.m_chunks)), m_kinds(std::move(o.m_kinds)), m_blocks(std::move(o.m_blocks)),
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
        m_chunks = std::move(o.m_chunks);
        m_kinds = std::move(o.m_kinds);
        m_blocks = std::move(o.m_blocks);
        m_strings = std::move(o.m_strings);
        m_lastTime = o.m_lastTime;
        o.m_chunks.clear();
        o.m_kinds.clear();
        o.m_blocks.clear();
        o.m_strings = StringTable();
        o.m_lastTime = 0.0;
        o.renew();
    }
    renew();
    return *this;
}

void Trace::renew() {
    m_identity = ++g_identities;
    for (TemplateSlot& t : m_templates) t = TemplateSlot{};
}

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
    v.object = e.object;
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
    const Stamp stamp{e.seq, e.time, e.task};
    if (e.localCount == 0) {
        appendEncoded(e, stamp, nullptr, 0, nullptr);
        return;
    }
    std::vector<uint32_t> names(e.localCount);
    for (size_t i = 0; i < e.localCount; ++i) names[i] = m_strings.intern(e.locals[i].name);
    appendEncoded(e, stamp, e.locals, e.localCount, names.data());
}

// A new chunk's pages are all about to be written: they are made resident in
// one go (where the kernel can) rather than by a page fault each.
void Trace::addChunk(size_t n) {
    m_chunks.emplace_back(std::max(kChunkSize, n));
#ifdef MADV_POPULATE_WRITE
    const Chunk& c = m_chunks.back();
    const uintptr_t page = 4096;
    uintptr_t from = (reinterpret_cast<uintptr_t>(c.data.get()) + page - 1) & ~(page - 1);
    uintptr_t to = (reinterpret_cast<uintptr_t>(c.data.get()) + c.capacity) & ~(page - 1);
    if (to > from) madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
#endif
}

inline uint8_t* Trace::reserve(size_t n) {
    if (m_chunks.empty() || m_chunks.back().capacity - m_chunks.back().size < n) addChunk(n);
    Chunk& last = m_chunks.back();
    m_reservedAt = last.size;
    return last.data.get() + m_reservedAt;
}

void Trace::appendEncoded(const EventView& e, const Stamp& stamp, const LocalView* locals, size_t localCount,
                          const uint32_t* localNames) {
    size_t index = m_kinds.size();
    uint32_t mask = 0;
    // Compare the bits: -0.0 and NaN times must survive too.
    if (std::memcmp(&stamp.time, &m_lastTime, sizeof(double)) != 0) mask |= kTime;
    if (stamp.task) mask |= kTask;
    if (e.handle) mask |= kHandle;
    if (e.future) mask |= kFuture;
    if (e.frame) mask |= kFrame;
    if (e.line) mask |= kLine;
    if (!e.label.empty() || !e.labelTemplate.empty()) mask |= kLabel;
    if (!e.function.empty()) mask |= kFunction;
    if (!e.file.empty()) mask |= kFile;
    if (e.timer) mask |= kTimer;
    if (!e.text.empty()) mask |= kText;
    if (!e.excType.empty()) mask |= kExcType;
    if (!e.excMessage.empty()) mask |= kExcMessage;
    if (e.value != 0.0 || std::signbit(e.value)) mask |= kValue;
    if (e.isStderr) mask |= kStderr;
    if (localCount) mask |= kLocals;
    if (stamp.seq != index) mask |= kSeq;
    if (e.object) mask |= kObject;
    // Room for the largest encoding of this event.
    size_t bound = 24 * kMaxVarint + 16 + (kMaxNumbers + 1) * kMaxVarint + e.text.size() + e.excMessage.size();
    for (size_t i = 0; i < localCount; ++i) bound += 3 * kMaxVarint + locals[i].repr.size();
    uint8_t* const start = reserve(bound);
    // The bytes a few events on are fresh memory: ask for them now.
    __builtin_prefetch(start + 256, 1, 0);
    if (index % kBlockSize == 0) m_blocks.push_back(Block{position(), m_lastTime});
    uint8_t* p = start;
    putVarint(p, mask);
    if (mask & kTime) putDouble(p, stamp.time);
    if (mask & kTask) putVarint(p, stamp.task);
    if (mask & kHandle) putVarint(p, e.handle);
    if (mask & kFuture) putVarint(p, e.future);
    if (mask & kFrame) putVarint(p, e.frame);
    if (mask & kLine) putVarint(p, uint32_t(e.line));
    if (mask & kLabel) {
        if (e.labelTemplate.empty()) putLabel(p, e.label);
        else putLabelTemplate(p, e.labelTemplate, e.labelNumber);
    }
    if (mask & kFunction) putVarint(p, m_strings.intern(e.function));
    if (mask & kFile) putVarint(p, m_strings.intern(e.file));
    if (mask & kTimer) putVarint(p, e.timer);
    if (mask & kText) putText(p, e.text);
    if (mask & kExcType) putVarint(p, m_strings.intern(e.excType));
    if (mask & kExcMessage) putText(p, e.excMessage);
    if (mask & kValue) putValue(p, e.value);
    if (mask & kLocals) {
        putVarint(p, localCount);
        for (size_t i = 0; i < localCount; ++i) {
            putVarint(p, localNames[i]);
            putText(p, locals[i].repr);
        }
    }
    if (mask & kSeq) putVarint(p, stamp.seq);
    if (mask & kObject) putVarint(p, e.object);
    commit(size_t(p - start));
    m_kinds.push_back(e.kind);
    m_lastTime = stamp.time;
}


void Trace::commit(size_t n) { m_chunks.back().size = m_reservedAt + n; }

// Labels carry ids ("Task-12.__step", "<Future #345>",
// "_set_result_unless_cancelled(<Future #345>, None)"): interned as they are,
// every label would be a new string. A label is therefore interned as a
// template, its runs of digits (at most kMaxNumbers, each a whole number
// without leading zeros that fits in 60 bits) replaced by a marker byte,
// followed by the numbers as varints: a handful of templates serve a run.
// The template's id has a low bit telling whether numbers follow; a label
// that contains the marker byte itself is kept whole.

void Trace::putLabel(uint8_t*& p, std::string_view label) {
    uint64_t numbers[kMaxNumbers];
    size_t count = 0;
    // The template is never longer than the label: on the stack unless long.
    char onStack[128];
    if (label.size() > sizeof onStack) m_template.resize(label.size());
    char* const templateStart = label.size() > sizeof onStack ? m_template.data() : onStack;
    char* out = templateStart;
    const char* c = label.data();
    const char* const end = c + label.size();
    if (label.find(kNumberMarker) == std::string_view::npos) {
        while (c < end) {
            if (*c < '0' || *c > '9' || count == kMaxNumbers) {
                *out++ = *c++;
                continue;
            }
            const char* d = c;
            uint64_t v = 0;
            while (d < end && *d >= '0' && *d <= '9') v = v * 10 + uint64_t(*d++ - '0');
            if ((*c != '0' || d - c == 1) && d - c <= 18) {
                numbers[count++] = v;
                *out++ = kNumberMarker;
            } else {
                while (c < d) *out++ = *c++;
            }
            c = d;
        }
    }
    if (count == 0) {
        putVarint(p, uint64_t(m_strings.intern(label)) << 1);
        return;
    }
    putVarint(p, uint64_t(m_strings.intern(std::string_view(templateStart, size_t(out - templateStart)))) << 1 | 1);
    for (size_t k = 0; k < count; ++k) putVarint(p, numbers[k]);
}

// What putLabel makes of the text the template stands for (see
// EventView::labelTemplate), the template's id found by its address.
void Trace::putLabelTemplate(uint8_t*& p, std::string_view labelTemplate, uint64_t number) {
    TemplateSlot& slot = m_templates[(reinterpret_cast<uintptr_t>(labelTemplate.data()) >> 3) % kTemplateSlots];
    if (slot.data != labelTemplate.data() || slot.size != labelTemplate.size()) {
        slot.data = labelTemplate.data();
        slot.size = labelTemplate.size();
        slot.id = m_strings.intern(labelTemplate);
        slot.numbered = labelTemplate.find(kNumberMarker) != std::string_view::npos;
    }
    putVarint(p, uint64_t(slot.id) << 1 | uint64_t(slot.numbered));
    if (slot.numbered) putVarint(p, number);
}

void Trace::getLabel(const uint8_t*& p, std::string& out) const {
    uint64_t v = getVarint(p);
    std::string_view t = m_strings[uint32_t(v >> 1)];
    if (!(v & 1)) {
        out.assign(t);
        return;
    }
    out.clear();
    for (char c : t) {
        if (c != kNumberMarker) {
            out += c;
            continue;
        }
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, getVarint(p));
        out.append(buf, r.ptr);
    }
}

size_t Trace::decode(size_t index, size_t offset, double& time, Event& e) const {
    const uint8_t* const start = m_chunks[offset >> 32].data.get() + uint32_t(offset);
    const uint8_t* p = start;
    uint32_t mask = uint32_t(getVarint(p));
    e.kind = m_kinds[index];
    if (mask & kTime) time = getDouble(p);
    e.time = time;
    e.task = mask & kTask ? getVarint(p) : 0;
    e.handle = mask & kHandle ? getVarint(p) : 0;
    e.future = mask & kFuture ? getVarint(p) : 0;
    e.frame = mask & kFrame ? getVarint(p) : 0;
    e.line = mask & kLine ? int(uint32_t(getVarint(p))) : 0;
    if (mask & kLabel) getLabel(p, e.label);
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
    e.object = mask & kObject ? getVarint(p) : 0;
    // The next event: further in this chunk, or at the start of the next.
    size_t chunk = offset >> 32;
    size_t next = uint32_t(offset) + size_t(p - start);
    if (next == m_chunks[chunk].size) return (chunk + 1) << 32;
    return (chunk << 32) | next;
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
    size_t n = m_kinds.capacity() + m_blocks.capacity() * sizeof(Block) + m_strings.byteSize();
    for (const Chunk& c : m_chunks) n += c.capacity;
    return n;
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

void TraceRecorder::record(const EventView& event) {
    Trace::Stamp stamp{m_trace.size(), m_clock ? m_clock() : 0.0, event.task};
    m_taskFromRunning = isCodeEvent(event.kind) && event.task == 0;
    if (m_taskFromRunning) {
        stamp.task = m_runningTask;
        // A frame's events belong to the task whose stack holds it, even when
        // another one runs (a pending task's coroutine closed when collected).
        if (event.frame && event.kind != EventKind::FramePushed && event.kind != EventKind::LineExecuted) {
            auto it = m_frames.find(event.frame);
            if (it != m_frames.end() && it->second.pushed) stamp.task = it->second.task;
        }
    }
    switch (event.kind) {
    case EventKind::TaskStarted: m_runningTask = stamp.task; break;
    case EventKind::TaskSuspended:
    case EventKind::TaskDone:
    case EventKind::TaskFailed:
    case EventKind::TaskCancelled:
        if (m_runningTask == stamp.task) m_runningTask = 0;
        break;
    case EventKind::LineExecuted: recordLine(event, stamp); return;
    case EventKind::FramePushed: {
        FrameLocals& frame = m_frames[event.frame];
        frame = FrameLocals{};
        frame.task = stamp.task;
        frame.pushed = true;
        break;
    }
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
        m_trace.appendEncoded(event, stamp, event.locals, event.localCount, m_names.data());
    } else {
        m_trace.appendEncoded(event, stamp, nullptr, 0, nullptr);
    }
}

// Stores the difference between the frame's locals at its previous line
// event and `event.locals` (Event::locals says how it is applied).
void TraceRecorder::recordLine(const EventView& event, Trace::Stamp& stamp) {
    FrameLocals* previous;
    if (event.frame != 0 && event.frame == m_lastFrame) {
        previous = m_lastLocals;
    } else {
        previous = &m_frames[event.frame];
        m_lastFrame = event.frame;
        m_lastLocals = previous;
    }
    if (previous->pushed && m_taskFromRunning) stamp.task = previous->task;
    std::vector<LocalSlot>& last = previous->entries;
    const bool lazy = event.renderLocal != nullptr;
    m_rendered.clear();
    m_renderedAt.assign(event.localCount, {size_t(-1), 0});
    if (m_renderedHash.size() < event.localCount) m_renderedHash.resize(event.localCount);
    // The repr of local i, rendered at most once.
    auto repr = [&](size_t i) -> std::pair<size_t, size_t> {
        if (m_renderedAt[i].first == size_t(-1)) {
            size_t begin = m_rendered.size();
            if (lazy) event.renderLocal(event.renderContext, i, m_rendered);
            else m_rendered.append(event.locals[i].repr);
            m_renderedAt[i] = {begin, m_rendered.size() - begin};
        }
        return m_renderedAt[i];
    };
    // The usual line: the same names bound as at the frame's last line; only
    // values may have changed, and those with the same identity have not.
    if (last.size() == event.localCount) {
        m_diffNames.clear();
        m_diffSpans.clear();
        size_t i = 0;
        for (; i < event.localCount; ++i) {
            const LocalView& local = event.locals[i];
            LocalSlot& slot = last[i];
            bool bound = lazy ? local.bound : !local.repr.empty();
            if (bound != (slot.repr != 0)) break;
            if (!(event.stableLocalNames && slot.nameAddress == local.name.data()) &&
                m_trace.strings()[slot.name] != local.name)
                break;
            if (!bound || (lazy && local.identity && local.identity == slot.identity)) continue;
            auto [at, n] = repr(i);
            uint64_t hash = hash64(std::string_view(m_rendered).substr(at, n)) | 1;
            m_renderedHash[i] = hash;
            if (hash != slot.repr) {
                m_diffNames.push_back(slot.name);
                m_diffSpans.push_back({at, n});
            }
        }
        if (i == event.localCount) {
            // Commit the new values only now that the whole line matched.
            for (size_t k = 0; k < event.localCount; ++k) {
                LocalSlot& slot = last[k];
                if (!slot.repr) continue;
                if (lazy) slot.identity = event.locals[k].identity;
                if (m_renderedAt[k].first != size_t(-1)) slot.repr = m_renderedHash[k];
            }
            finishLine(event, stamp, m_diffSpans);
            return;
        }
    }
    // The old list: the bound slots of the last line, in order.
    m_old.clear();
    for (const LocalSlot& s : last)
        if (s.repr) m_old.push_back(s);
    // The new slots; a frame reports the same names at every line, so the
    // last line's ids are checked before any hashing.
    m_new.resize(event.localCount);
    for (size_t i = 0; i < event.localCount; ++i) {
        const LocalView& local = event.locals[i];
        std::string_view name = local.name;
        const LocalSlot* before = i < last.size() ? &last[i] : nullptr;
        uint32_t id;
        if (before && event.stableLocalNames && before->nameAddress == name.data())
            id = before->name;
        else if (before && m_trace.strings()[before->name] == name)
            id = before->name;
        else
            id = m_trace.intern(name);
        uint64_t hash = 0;
        bool bound = lazy ? local.bound : !local.repr.empty();
        if (bound) {
            if (lazy && local.identity && before && before->name == id && before->identity == local.identity &&
                before->repr) {
                hash = before->repr;  // the same value: the same repr
            } else {
                auto [at, n] = repr(i);
                hash = hash64(std::string_view(m_rendered).substr(at, n)) | 1;
            }
        }
        m_new[i] = LocalSlot{id, hash, event.stableLocalNames ? name.data() : nullptr, lazy ? local.identity : 0};
    }
    m_diffNames.clear();
    std::vector<std::pair<size_t, size_t>>& spans = m_diffSpans;
    spans.clear();
    auto emit = [&](uint32_t name, std::pair<size_t, size_t> span) {
        m_diffNames.push_back(name);
        spans.push_back(span);
    };
    constexpr std::pair<size_t, size_t> kDeleted{0, 0};
    auto boundNow = [&](uint32_t name) {
        for (const LocalSlot& s : m_new)
            if (s.name == name && s.repr) return true;
        return false;
    };
    // Names that disappeared go first.
    size_t kept = 0;
    for (size_t k = 0; k < m_old.size(); ++k) {
        if (boundNow(m_old[k].name)) m_old[kept++] = m_old[k];
        else emit(m_old[k].name, kDeleted);
    }
    m_old.resize(kept);
    // Walk the new list against the kept one; a new name before kept ones
    // forces those to be removed and appended again, in order.
    size_t q = 0;
    for (size_t i = 0; i < m_new.size(); ++i) {
        const LocalSlot& n = m_new[i];
        if (!n.repr) continue;
        if (q < m_old.size() && m_old[q].name == n.name) {
            if (m_old[q].repr != n.repr) emit(n.name, repr(i));
            ++q;
            continue;
        }
        for (size_t k = q; k < m_old.size(); ++k) emit(m_old[k].name, kDeleted);
        for (size_t j = i; j < m_new.size(); ++j)
            if (m_new[j].repr) emit(m_new[j].name, repr(j));
        break;
    }
    last.assign(m_new.begin(), m_new.end());
    finishLine(event, stamp, spans);
}

// Appends the line event with the difference gathered in m_diffNames and `spans`.
void TraceRecorder::finishLine(const EventView& event, const Trace::Stamp& stamp,
                               const std::vector<std::pair<size_t, size_t>>& spans) {
    // Every repr is rendered by now: the views into m_rendered stay valid.
    m_diff.clear();
    for (const auto& [at, n] : spans) m_diff.push_back(LocalView{{}, std::string_view(m_rendered).substr(at, n)});
    m_trace.appendEncoded(event, stamp, m_diff.data(), m_diff.size(), m_diffNames.data());
}

}  // namespace ascope::trace
