# gather() returns results in argument order, whatever the finishing order;
# return_exceptions=True puts exceptions (and CancelledError of cancelled
# children) in their place; without it the first exception propagates and
# the others keep running; a repeated awaitable is run once.
import asyncio


async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    print("finished", name, asyncio.get_running_loop().time())
    return name


async def main():
    print(await asyncio.gather(job("a", 3), job("b", 1), job("c", 2)))
    victim = asyncio.create_task(job("victim", 5))
    asyncio.get_running_loop().call_later(1, victim.cancel)
    print(await asyncio.gather(job("x", 2, fail=True), job("y", 1), victim, return_exceptions=True))
    slow = asyncio.create_task(job("slow", 3))
    try:
        await asyncio.gather(job("bad", 1, fail=True), slow)
    except ValueError as e:
        print("propagated", repr(e), "slow done?", slow.done())
    print(await slow)
    j = asyncio.create_task(job("once", 1))
    print(await asyncio.gather(j, j, j))
    print(await asyncio.gather())


asyncio.run(main())
