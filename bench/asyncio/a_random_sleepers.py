# Benchmark (a): 10,000 tasks, each sleeping 10 times with pseudo-random delays.
# The delays come from a small linear congruential generator seeded per task,
# so the run is the same under every interpreter. The printed checksum folds in
# the order in which the tasks woke up: it differs if the timer heap orders
# ties differently.
import asyncio

TASKS = 10_000
SLEEPS = 10

wakeups = 0
order_hash = 0


def lcg(state):
    return (state * 1103515245 + 12345) & 0x7FFFFFFF


async def sleeper(ident):
    global wakeups, order_hash
    state = ident * 2654435761 & 0x7FFFFFFF
    for _ in range(SLEEPS):
        state = lcg(state)
        await asyncio.sleep((state % 1000) / 1000)
        wakeups += 1
        order_hash = (order_hash * 31 + ident) & 0xFFFFFFFF


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(*(sleeper(i) for i in range(TASKS)))
    print(f"wakeups {wakeups}")
    print(f"order hash {order_hash:08x}")
    print(f"virtual time {loop.time():.3f}")


asyncio.run(main())
