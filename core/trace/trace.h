// The trace: the append-only record of one run.
//
// Why it is built this way: the runtime must be able to report events
// without knowing who listens or paying anything when nobody does, so it
// talks to the abstract `Recorder` through a nullable pointer
// (`Interp::recorder`). `TraceRecorder` is the one implementation: it numbers
// the events, stamps them with the virtual clock (read through a callback, so
// that code which does not know the clock, like the evaluator, can still
// record) and attributes code events to the task whose step is running.
//
// A run of a few seconds makes millions of events, so a `Trace` does not keep
// `Event` values: it encodes each event into a byte stream (a kind byte kept
// apart, a mask of the fields that are set, numbers as variable-length
// integers, the time only when it changed) and keeps every repeated name
// (function, file, exception type, local name; a label as a template with its
// numbers apart) once in a string table; texts, messages and locals' reprs
// are stored inline. A typical event takes 5 to 15 bytes. `Event` values
// are decoded on access: sequentially through
// the iterator (constant time per event), or at random through `at(i)`,
// which decodes from the start of i's block of `kBlockSize` events (and
// continues from the last position this thread read, so that loops over
// `trace[i]` stay linear). A `Trace` is plain data, copyable and comparable,
// and never changes once the run is over.
#pragma once

#include "trace/event.h"

#include <cstdint>
#include <functional>
#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ascope::trace {

// Interned strings: each distinct string once, numbered from 0 in order of
// first appearance, their characters packed one after the other.
class StringTable {
public:
    uint32_t intern(std::string_view s);
    std::string_view operator[](uint32_t id) const {
        return std::string_view(m_chars.data() + m_offsets[id], m_offsets[id + 1] - m_offsets[id]);
    }
    size_t size() const { return m_offsets.size() - 1; }
    size_t byteSize() const;  // memory held

private:
    void grow();
    std::vector<char> m_chars;
    std::vector<uint32_t> m_offsets{0};  // string i is [m_offsets[i], m_offsets[i + 1])
    // Open addressing, each slot the string's hash and id + 1 (0: empty), so
    // that a probe touches the characters only when the hashes agree.
    struct Slot {
        uint32_t hash = 0;
        uint32_t id = 0;
    };
    std::vector<Slot> m_slots;
    // The last string seen per hash bucket: most lookups are of a few hot
    // names, found here without touching the (large) table.
    static constexpr size_t kRecent = 1024;
    std::vector<Slot> m_recent = std::vector<Slot>(kRecent);
};

class Trace {
public:
    // Events per block of the random-access index.
    static constexpr size_t kBlockSize = 64;

    Trace();
    Trace(const Trace& other);
    Trace(Trace&& other) noexcept;
    Trace& operator=(const Trace& other);
    Trace& operator=(Trace&& other) noexcept;

    // Appends an event as is (its seq, time and task are kept).
    void append(const Event& event);
    void append(const EventView& event);

    size_t size() const { return m_kinds.size(); }
    bool empty() const { return m_kinds.empty(); }
    // The event at `i` (i < size()), decoded.
    Event at(size_t i) const;
    Event operator[](size_t i) const { return at(i); }
    EventKind kind(size_t i) const { return m_kinds[i]; }

    // Sequential decoding: `for (const Event& e : trace)`. The reference is
    // valid until the iterator moves.
    class const_iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Event;
        using difference_type = std::ptrdiff_t;
        using pointer = const Event*;
        using reference = const Event&;
        const_iterator() = default;
        const Event& operator*() const { return m_event; }
        const Event* operator->() const { return &m_event; }
        const_iterator& operator++();
        bool operator==(const const_iterator& o) const { return m_index == o.m_index; }

    private:
        friend class Trace;
        const_iterator(const Trace* t, size_t index);
        const Trace* m_trace = nullptr;
        size_t m_index = 0;
        size_t m_offset = 0;  // byte offset of the event after m_index
        Event m_event;
    };
    const_iterator begin() const { return const_iterator(this, 0); }
    const_iterator end() const { return const_iterator(this, size()); }
    // Sequential decoding from `i`.
    const_iterator from(size_t i) const { return const_iterator(this, i); }

    // Memory held by the encoded events, the string table and the index.
    size_t byteSize() const;
    const StringTable& strings() const { return m_strings; }

    // Interns `s` in this trace's string table (for recorders).
    uint32_t intern(std::string_view s) { return m_strings.intern(s); }

    // Event by event.
    bool operator==(const Trace& other) const;

private:
    struct Block {
        uint64_t offset;  // byte offset of the block's first event
        double time;      // time of the event before it (0.0 for the first block)
    };
    // What a recorder fills in (EventView::seq, time and task are the
    // caller's otherwise).
    struct Stamp {
        uint64_t seq;
        double time;
        uint64_t task;
    };
    // Encodes `e` with `stamp` and these locals (instead of e's), whose names
    // are `localNames` (interned).
    void appendEncoded(const EventView& e, const Stamp& stamp, const LocalView* locals, size_t localCount,
                       const uint32_t* localNames);
    void putLabel(uint8_t*& p, std::string_view label);
    // Room for `n` bytes at the end of the last chunk (a new chunk when it
    // lacks room: an event never spans two), then the `n` actually written.
    uint8_t* reserve(size_t n);
    void addChunk(size_t n);
    void commit(size_t n);
    uint64_t position() const {
        return m_chunks.empty() ? 0 : (uint64_t(m_chunks.size() - 1) << 32) | m_reservedAt;
    }
    void getLabel(const uint8_t*& p, std::string& out) const;
    // Decodes the event at byte `offset` with index `index` into `e` (time
    // continuing from `time`); returns the offset after it.
    size_t decode(size_t index, size_t offset, double& time, Event& e) const;
    void renew();

    // The encoded events in chunks of kChunkSize bytes (so that growing never
    // copies them); a position is (chunk << 32) | offset.
    static constexpr size_t kChunkSize = size_t(1) << 20;
    struct Chunk {
        std::unique_ptr<uint8_t[]> data;  // not zeroed: only [0, size) is ever read
        size_t size = 0;
        size_t capacity = 0;
        Chunk() = default;
        explicit Chunk(size_t n) : data(new uint8_t[n]), capacity(n) {}
        Chunk(const Chunk& o) : data(new uint8_t[o.size ? o.size : 1]), size(o.size), capacity(o.size) {
            std::copy(o.data.get(), o.data.get() + o.size, data.get());
        }
        Chunk(Chunk&&) noexcept = default;
        Chunk& operator=(Chunk&&) noexcept = default;
    };
    std::vector<Chunk> m_chunks;
    size_t m_reservedAt = 0;  // offset in the last chunk of the event being written
    std::vector<EventKind> m_kinds;
    std::vector<Block> m_blocks;
    StringTable m_strings;
    std::string m_template;  // scratch for putLabel
    // EventView::labelTemplate's interned ids, by the template's address.
    struct TemplateSlot {
        const char* data = nullptr;
        size_t size = 0;
        uint32_t id = 0;
        bool numbered = false;  // it holds the number marker
    };
    static constexpr size_t kTemplateSlots = 16;
    TemplateSlot m_templates[kTemplateSlots];
    void putLabelTemplate(uint8_t*& p, std::string_view labelTemplate, uint64_t number);
    double m_lastTime = 0.0;
    uint64_t m_identity = 0;  // changes when the content is replaced (decode cache key)
    friend class TraceRecorder;
};

// What the runtime calls. Every method is cheap to skip: callers test the
// pointer first.
class Recorder {
public:
    virtual ~Recorder() = default;
    // Records one event; `seq` and `time` are filled in by the recorder, and
    // `task` too for frame, line, exception and output events left at 0.
    // For LineExecuted, `locals` are all the frame's locals (a recorder may
    // keep only what changed, see Event::locals).
    virtual void record(const EventView& event) = 0;
    // The same from an owning Event.
    void record(const Event& event);
};

class TraceRecorder final : public Recorder {
public:
    // Appends to `trace`; `clock` returns the current loop time (null: 0.0).
    explicit TraceRecorder(Trace& trace, std::function<double()> clock = {});

    using Recorder::record;
    void record(const EventView& event) override;

    // The task whose step is running, as learnt from the events (0: none).
    uint64_t runningTask() const { return m_runningTask; }

private:
    // A frame's locals at its last line event, slot by slot: the interned
    // name and a 64-bit hash of the repr (0: unbound). The hash is all the
    // difference needs, and keeps 100,000 suspended frames cheap.
    struct LocalSlot {
        uint32_t name = 0;
        uint64_t repr = 0;
        const char* nameAddress = nullptr;  // with EventView::stableLocalNames
        uint64_t identity = 0;              // LocalView::identity
    };
    struct FrameLocals {
        std::vector<LocalSlot> entries;
        uint64_t task = 0;    // the task whose stack holds the frame (with `pushed`)
        bool pushed = false;  // its FramePushed was seen
    };
    void recordLine(const EventView& event, Trace::Stamp& stamp);
    void finishLine(const EventView& event, const Trace::Stamp& stamp,
                    const std::vector<std::pair<size_t, size_t>>& spans);

    Trace& m_trace;
    std::function<double()> m_clock;
    uint64_t m_runningTask = 0;
    bool m_taskFromRunning = false;  // the event being recorded got its task from m_runningTask
    std::unordered_map<uint64_t, FrameLocals> m_frames;  // live frames with line events
    uint64_t m_lastFrame = 0;
    FrameLocals* m_lastLocals = nullptr;
    // Scratch space for the difference, reused from line to line.
    std::vector<LocalView> m_diff;
    std::vector<uint32_t> m_diffNames;
    std::vector<std::pair<size_t, size_t>> m_diffSpans;
    std::vector<uint32_t> m_names;
    std::vector<LocalSlot> m_old;
    std::vector<LocalSlot> m_new;
    std::string m_rendered;                               // reprs rendered on demand
    std::vector<std::pair<size_t, size_t>> m_renderedAt;  // per local: span in m_rendered (size_t(-1): none)
    std::vector<uint64_t> m_renderedHash;                 // per local rendered on the usual path: hash64 of it
};

}  // namespace ascope::trace
