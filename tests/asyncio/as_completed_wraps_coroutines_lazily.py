# as_completed() is a generator: nothing is scheduled before the first
# next(); coroutines passed in are wrapped in tasks then; the same
# awaitable passed twice counts once; bad arguments fail at the first next().
# (Coroutines are wrapped in set order, so the jobs print only after sleeping.)
import asyncio


async def job(name, d):
    await asyncio.sleep(d)
    print("done", name)
    return name


async def main():
    coros = [job("a", 2), job("b", 1)]
    it = asyncio.as_completed(coros)
    print("tasks before next:", len(asyncio.all_tasks()))
    first = next(it)
    print("tasks after next:", len(asyncio.all_tasks()))
    print(await first)
    for rest in it:
        print(await rest)
    t = asyncio.create_task(job("c", 1))
    print(len(list(asyncio.as_completed([t, t, t]))))
    await t
    gen = asyncio.as_completed(t)
    try:
        next(gen)
    except TypeError as e:
        print("TypeError:", e)
    print(list(asyncio.as_completed([])))
    try:
        asyncio.as_completed()
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
