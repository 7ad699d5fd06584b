import asyncio
from collections import deque as _deque


class Stats:
    produced: int = 0
    consumed = 0

    def __repr__(self):
        return f"Stats({self.produced=}, {self.consumed=!s})"


async def producer(queue, n, stats):
    for i in range(n):
        await queue.put((i, i ** 2))
        stats.produced += 1
    await queue.put(None)


async def consumer(queue, stats):
    while (item := await queue.get()) is not None:
        index, square = item
        stats.consumed += 1
        if square % 2 == 0 and not index < 0:
            continue
        elif index > 100:
            break
    else:
        print("drained")


async def main():
    queue = asyncio.Queue(maxsize=2)
    stats = Stats()
    async with asyncio.TaskGroup() as tg:
        tg.create_task(producer(queue, 5, stats))
        tg.create_task(consumer(queue, stats))
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(0)
    except* TimeoutError as group:
        print(group.exceptions)
    finally:
        print(stats)

asyncio.run(main())
