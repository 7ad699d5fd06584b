import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 1, 3, 9, 2, 6]:
        pq.put_nowait((x, str(x)))
    print(str(pq))
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for x in range(4):
        await lq.put(x)
    print([await lq.get() for _ in range(4)], lq.empty())
    class MyQ(asyncio.Queue):
        def _put(self, item):
            super()._put(item * 10)
    mq = MyQ()
    mq.put_nowait(3)
    print(mq.get_nowait(), type(mq).__name__, isinstance(mq, asyncio.Queue))

asyncio.run(main())
