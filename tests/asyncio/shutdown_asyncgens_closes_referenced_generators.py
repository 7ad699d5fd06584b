# asyncio.run() ends with loop.shutdown_asyncgens(): async generators that
# were iterated while the loop ran and are still alive (referenced, not
# exhausted) get aclose() in tasks of their own, so their finally blocks run;
# exhausted or never-started generators are left alone. (Only one is left
# open: CPython keeps them in a WeakSet, whose order follows addresses.)
import asyncio

keep = []


async def ticker(name):
    try:
        for i in range(100):
            yield i
            await asyncio.sleep(0.5)
    finally:
        print(name, "finally at", asyncio.get_running_loop().time())
        await asyncio.sleep(0)
        print(name, "finally done")


async def short():
    yield 1


async def main():
    a = ticker("a")
    keep.extend([a, ticker("never started"), short()])
    print(await a.__anext__(), await a.__anext__())
    async for _ in keep[2]:
        pass
    print("main returns")


asyncio.run(main())
print("after run")
