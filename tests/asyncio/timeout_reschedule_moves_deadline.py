# Timeout.reschedule(): later, earlier, into the past (fires in the next
# iteration through call_soon) and None (never fires); errors outside the block.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.timeout(1)
    try:
        t.reschedule(3)
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with t:
        t.reschedule(loop.time() + 3)
        print(repr(t))
        await asyncio.sleep(2)
        t.reschedule(None)
        print(repr(t), t.when())
        await asyncio.sleep(5)
    print("after first block", loop.time(), repr(t))
    try:
        t.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with asyncio.timeout(10) as t2:
            await asyncio.sleep(1)
            t2.reschedule(loop.time() - 5)
            print(repr(t2))
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("timed out at", loop.time(), repr(t2))
    try:
        t2.reschedule(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with t2:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
