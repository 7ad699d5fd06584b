# Barrier.abort() breaks the barrier: waiting tasks and later arrivals get
# BrokenBarrierError; reset() while tasks wait also breaks their wait, then
# the barrier is usable again.
import asyncio


async def waiter(barrier, name):
    try:
        await barrier.wait()
        print(name, "passed")
    except asyncio.BrokenBarrierError as e:
        print(name, "BrokenBarrierError:", e, "at", asyncio.get_running_loop().time())


async def main():
    b = asyncio.Barrier(3)
    ws = [asyncio.create_task(waiter(b, f"w{i}")) for i in range(2)]
    await asyncio.sleep(1)
    print(b)
    await b.abort()
    print(b, b.broken, b.n_waiting)
    await asyncio.gather(*ws)
    await waiter(b, "late")
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError))

    r = asyncio.Barrier(2)
    w = asyncio.create_task(waiter(r, "r0"))
    await asyncio.sleep(1)
    await r.reset()
    print("after reset:", r)
    await w
    print("drained:", r)
    w1 = asyncio.create_task(waiter(r, "r1"))
    w2 = asyncio.create_task(waiter(r, "r2"))
    await asyncio.gather(w1, w2)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
