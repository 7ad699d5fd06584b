// Fibers and the swapping of suspended stacks (sched/fiber.h, sched/stack_image.h).
#include "sched/fiber.h"
#include "sched/stack_image.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <vector>

using ascope::sched::Fiber;
using ascope::sched::StackImage;

namespace {

std::vector<char> roundTrip(const std::vector<char>& bytes) {
    StackImage image;
    EXPECT_TRUE(image.capture(bytes.data(), bytes.size()));
    EXPECT_EQ(image.size(), bytes.size());
    std::vector<char> back(bytes.size(), char(0x5a));
    image.restore(back.data());
    return back;
}

std::vector<char> wordsOf(const std::vector<uint64_t>& words, size_t tail = 0) {
    std::vector<char> bytes(words.size() * 8 + tail);
    std::memcpy(bytes.data(), words.data(), words.size() * 8);
    for (size_t i = 0; i < tail; ++i) bytes[words.size() * 8 + i] = char(0xa0 + i);
    return bytes;
}

// The swapping policy is not the usual one under ASYNCSCOPE_FIBER_CHECK=1.
bool checkMode() {
    const char* v = std::getenv("ASYNCSCOPE_FIBER_CHECK");
    return v && *v && std::strcmp(v, "0") != 0;
}

}  // namespace

TEST(StackImage, EmptyRangeRoundTrips) {
    std::vector<char> none;
    StackImage image;
    ASSERT_TRUE(image.capture(none.data(), 0));
    EXPECT_EQ(image.size(), 0u);
    image.restore(nullptr);
}

TEST(StackImage, EveryKindOfWordRoundTrips) {
    std::vector<uint64_t> words = {
        0, 0, 1, 0xffffff, 0x1000000, 0xffffffff,        // zero, cached high part 0, 32-bit words
        0x00005555deadbeefULL, 0x00005555de000001ULL,     // a literal, then one sharing its upper bytes
        0x00007fffffffe000ULL, 0x3ff199999999999aULL,     // stack-like pointer, a double
        0xffffffffffffffffULL, 0x8000000000000000ULL};
    // More distinct upper parts than the cache holds, then the first again.
    for (uint64_t i = 0; i < 20; ++i) words.push_back((i + 1) << 40 | i);
    words.push_back(uint64_t(1) << 40 | 77);
    for (size_t tail = 0; tail < 8; ++tail) {
        std::vector<char> bytes = wordsOf(words, tail);
        EXPECT_EQ(roundTrip(bytes), bytes) << "tail " << tail;
    }
}

TEST(StackImage, RandomBytesRoundTrip) {
    std::mt19937_64 rng(7);
    for (int round = 0; round < 50; ++round) {
        size_t size = rng() % 5000;
        std::vector<char> bytes(size);
        for (char& c : bytes) c = char(rng() % 4 == 0 ? rng() : 0);
        EXPECT_EQ(roundTrip(bytes), bytes);
    }
}

TEST(StackImage, StackLikeWordsTakeAFractionOfTheirSize) {
    // Half zeros, the rest pointers into two regions and small integers.
    std::vector<uint64_t> words;
    for (uint64_t i = 0; i < 512; ++i) {
        if (i % 2 == 0) words.push_back(0);
        else if (i % 3 == 0) words.push_back(0x0000555555000000ULL + i * 40);
        else if (i % 5 == 0) words.push_back(0x00007fffe0000000ULL + i * 8);
        else words.push_back(i);
    }
    std::vector<char> bytes = wordsOf(words);
    StackImage image;
    ASSERT_TRUE(image.capture(bytes.data(), bytes.size()));
    EXPECT_LT(image.encodedSize(), bytes.size() / 3);
    EXPECT_EQ(roundTrip(bytes), bytes);
}

namespace {

// A fiber that keeps data and pointers to its own stack in its frames across
// suspensions, and checks them every time it is resumed.
struct Sleeper {
    int id;
    int rounds;
    int resumed = 0;
    bool intact = true;
    std::unique_ptr<Fiber> fiber;

    explicit Sleeper(int id_, int rounds_) : id(id_), rounds(rounds_) {
        fiber = std::make_unique<Fiber>([this] { run(); });
    }
    void run() { nest(3); }
    void nest(int depth) {
        volatile char pattern[600];
        for (size_t i = 0; i < sizeof pattern; ++i) pattern[i] = char(id * 31 + depth + int(i));
        volatile char* self = pattern;  // a pointer into this very stack
        if (depth > 0) {
            nest(depth - 1);
        } else {
            for (int r = 0; r < rounds; ++r) {
                Fiber::suspend();
                ++resumed;
            }
        }
        for (size_t i = 0; i < sizeof pattern; ++i)
            if (self[i] != char(id * 31 + depth + int(i))) intact = false;
    }
};

}  // namespace

TEST(Fiber, ManySuspendedFibersAreSwappedOutAndComeBackIntact) {
    if (checkMode()) GTEST_SKIP() << "ASYNCSCOPE_FIBER_CHECK swaps out every suspended fiber";
    const Fiber::Stats& stats = Fiber::stats();
    uint64_t swapOutsBefore = stats.swapOuts;
    const size_t limit = stats.residentLimit;
    const int count = int(limit) * 4;
    std::vector<std::unique_ptr<Sleeper>> sleepers;
    for (int i = 0; i < count; ++i) {
        sleepers.push_back(std::make_unique<Sleeper>(i, 3));
        sleepers.back()->fiber->resume();
    }
    EXPECT_EQ(stats.swappedOut, size_t(count) - limit);
    for (int round = 0; round < 3; ++round)
        for (auto& s : sleepers) s->fiber->resume();
    for (auto& s : sleepers) {
        EXPECT_TRUE(s->fiber->finished());
        EXPECT_EQ(s->resumed, 3);
        EXPECT_TRUE(s->intact) << "fiber " << s->id;
    }
    EXPECT_GT(stats.swapOuts, swapOutsBefore);
    EXPECT_EQ(stats.swappedOut, 0u);
    EXPECT_EQ(stats.savedBytes, 0u);
}

TEST(Fiber, FibersResumedInACycleStayResidentAfterTheFirstRound) {
    if (checkMode()) GTEST_SKIP() << "ASYNCSCOPE_FIBER_CHECK swaps out every suspended fiber";
    const Fiber::Stats& stats = Fiber::stats();
    const int count = int(Fiber::kMinResidentSuspended) * 4;
    std::vector<std::unique_ptr<Sleeper>> sleepers;
    for (int i = 0; i < count; ++i) {
        sleepers.push_back(std::make_unique<Sleeper>(i, 5));
        sleepers.back()->fiber->resume();
    }
    for (auto& s : sleepers) s->fiber->resume();
    uint64_t swapInsAfterFirstRound = stats.swapIns;
    for (int round = 1; round < 5; ++round)
        for (auto& s : sleepers) s->fiber->resume();
    EXPECT_EQ(stats.swapIns, swapInsAfterFirstRound);
    for (auto& s : sleepers) {
        s->fiber->resume();
        EXPECT_TRUE(s->fiber->finished());
        EXPECT_TRUE(s->intact);
    }
}

TEST(Fiber, AFewFibersHandingOverNeverSwap) {
    if (checkMode()) GTEST_SKIP() << "ASYNCSCOPE_FIBER_CHECK swaps out every suspended fiber";
    const Fiber::Stats& stats = Fiber::stats();
    uint64_t swapOutsBefore = stats.swapOuts;
    Sleeper ping(1, 10000), pong(2, 10000);
    while (!ping.fiber->finished() || !pong.fiber->finished()) {
        ping.fiber->resume();
        pong.fiber->resume();
    }
    EXPECT_TRUE(ping.intact && pong.intact);
    EXPECT_EQ(stats.swapOuts, swapOutsBefore);
}

TEST(Fiber, DestroyingASuspendedFiberUnwindsItsStack) {
    struct Guard {
        bool* flag;
        ~Guard() { *flag = true; }
    };
    bool unwound = false;
    {
        Fiber f([&] {
            Guard g{&unwound};
            Fiber::suspend();
            ADD_FAILURE() << "resumed after destruction";
        });
        f.resume();
        EXPECT_FALSE(unwound);
    }
    EXPECT_TRUE(unwound);
}

TEST(Fiber, DestroyingASwappedOutFiberUnwindsItsStack) {
    if (checkMode()) GTEST_SKIP() << "ASYNCSCOPE_FIBER_CHECK swaps out every suspended fiber";
    struct Guard {
        int* count;
        ~Guard() { ++*count; }
    };
    int unwound = 0;
    const size_t count = Fiber::stats().residentLimit + 10;
    {
        std::vector<std::unique_ptr<Fiber>> fibers;
        for (size_t i = 0; i < count; ++i) {
            fibers.push_back(std::make_unique<Fiber>([&] {
                Guard g{&unwound};
                Fiber::suspend();
            }));
            fibers.back()->resume();
        }
        EXPECT_EQ(Fiber::stats().swappedOut, 10u);
    }
    EXPECT_EQ(unwound, int(count));
    EXPECT_EQ(Fiber::stats().swappedOut, 0u);
}

TEST(Fiber, NestedFibersResumeEachOther) {
    std::vector<int> order;
    Fiber inner([&] {
        order.push_back(2);
        Fiber::suspend();
        order.push_back(4);
    });
    Fiber outer([&] {
        order.push_back(1);
        inner.resume();
        order.push_back(3);
        Fiber::suspend();
        inner.resume();
        order.push_back(5);
    });
    outer.resume();
    EXPECT_EQ(Fiber::current(), nullptr);
    outer.resume();
    EXPECT_TRUE(outer.finished());
    EXPECT_TRUE(inner.finished());
    EXPECT_EQ(order, (std::vector<int>{1, 2, 3, 4, 5}));
}
