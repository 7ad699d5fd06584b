import asyncio

async def work(tag, d):
    try:
        await asyncio.sleep(d)
        print(asyncio.get_running_loop().time(), tag, "finished")
        return tag
    except asyncio.CancelledError:
        print(tag, "cancelled")
        raise

async def main():
    t = asyncio.create_task(work("inner", 1))
    try:
        await asyncio.wait_for(asyncio.shield(t), 0.5)
    except TimeoutError as e:
        print("timeout; inner cancelled?", t.cancelled(), type(e.__cause__).__name__)
    print(await t)
    a = asyncio.create_task(work("a", 0.2))
    b = asyncio.create_task(work("b", 2))
    done, pending = await asyncio.wait([a, b], timeout=1)
    print(len(done), len(pending), asyncio.get_running_loop().time())
    done, pending = await asyncio.wait([b], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), b.result())
    async with asyncio.TaskGroup() as tg:
        x = tg.create_task(work("x", 0.1))
        print(repr(tg))
    print(x.result(), repr(tg))

asyncio.run(main())
