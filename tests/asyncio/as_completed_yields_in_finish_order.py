# asyncio.as_completed() hands out awaitables that give the results in the
# order the tasks finish, not the order they were passed; an exception
# comes out of the await of its turn.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    return name


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job("slow", 3)),
             asyncio.create_task(job("fast", 1)),
             asyncio.create_task(job("bad", 2, fail=True)),
             asyncio.create_task(job("mid", 2))]
    it = asyncio.as_completed(tasks)
    print(type(it).__name__)
    for aw in it:
        print(type(aw).__name__, aw.__qualname__)
        try:
            print("got", await aw, "at", loop.time())
        except ValueError as e:
            print("error", repr(e), "at", loop.time())


asyncio.run(main())
