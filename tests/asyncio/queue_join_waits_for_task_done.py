import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print(str(q), q.maxsize, q.empty(), q.full())
    async def producer():
        for i in range(5):
            await q.put(i)
            print("put", i, str(q))
    async def consumer():
        while True:
            x = await q.get()
            await asyncio.sleep(0.1)
            print("done", x)
            q.task_done()
    p = asyncio.create_task(producer())
    c = asyncio.create_task(consumer())
    await p
    await q.join()
    print("joined", q.qsize(), str(q))
    c.cancel()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    q.put_nowait(1); q.put_nowait(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull")

asyncio.run(main())
