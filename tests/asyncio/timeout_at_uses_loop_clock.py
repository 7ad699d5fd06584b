# asyncio.timeout_at(when) takes a deadline on loop.time(); a deadline
# already passed fires in the next loop iteration; None never fires.
import asyncio


async def tick(name, n):
    for i in range(n):
        print(name, "tick", i, asyncio.get_running_loop().time())
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout_at(None) as t:
        await asyncio.sleep(3)
    print(repr(t), t.when())
    try:
        async with asyncio.timeout_at(loop.time() + 2.25) as t:
            print(repr(t))
            await asyncio.sleep(5)
    except TimeoutError:
        print("timed out at", loop.time())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            await tick("past", 3)
    except TimeoutError:
        print("past deadline timed out at", loop.time())
    t = asyncio.Timeout(loop.time() + 1)
    print(repr(t))
    try:
        async with t:
            await asyncio.sleep(2)
    except TimeoutError:
        print("Timeout() timed out", repr(t))


asyncio.run(main())
