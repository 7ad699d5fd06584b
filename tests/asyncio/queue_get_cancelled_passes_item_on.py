import asyncio

async def getter(name, q):
    try:
        x = await q.get()
        print(name, "got", x)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    q = asyncio.Queue()
    ts = [asyncio.create_task(getter(n, q)) for n in "abc"]
    await asyncio.sleep(0)
    print(str(q))
    q.put_nowait(1)
    ts[0].cancel()
    q.put_nowait(2)
    await asyncio.gather(*ts, return_exceptions=True)
    print(str(q), q.qsize())
    q2 = asyncio.Queue(1)
    q2.put_nowait("x")
    p = asyncio.create_task(q2.put("y"))
    await asyncio.sleep(0)
    print(str(q2))
    p.cancel()
    await asyncio.sleep(0)
    print(p.cancelled(), str(q2))
    print(repr(asyncio.Lock())[:20], repr(asyncio.Event()).split("[")[1], repr(asyncio.Condition()).split("[")[1])

asyncio.run(main())
