# A task cancelled while waiting at a barrier leaves it (its count is
# given back), so a new arrival is needed to complete the party.
import asyncio


async def waiter(barrier, name):
    try:
        i = await barrier.wait()
        print(name, "passed", i, asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print(name, "cancelled; n_waiting =", barrier.n_waiting)
        raise


async def main():
    b = asyncio.Barrier(2)
    t1 = asyncio.create_task(waiter(b, "t1"))
    await asyncio.sleep(1)
    print(b)
    t1.cancel()
    await asyncio.sleep(0)
    print(b)
    t2 = asyncio.create_task(waiter(b, "t2"))
    await asyncio.sleep(1)
    t3 = asyncio.create_task(waiter(b, "t3"))
    await asyncio.gather(t2, t3)
    print(t1.cancelled(), b)


asyncio.run(main())
