# asyncio.sleep(delay, result=...) returns result after delay seconds of the
# virtual clock; sleep(0) and negative delays yield once; a cancelled sleep
# removes its timer; bad delays raise TypeError when awaited.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(1.5, result="woke"), loop.time())
    print(await asyncio.sleep(0, "zero"), await asyncio.sleep(-3, result=[1]), loop.time())
    t = asyncio.create_task(asyncio.sleep(100, "never"))
    await asyncio.sleep(1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled sleep at", loop.time())
    s = asyncio.sleep("soon")
    try:
        await s
    except TypeError as e:
        print("TypeError:", e)
    print(await asyncio.sleep(delay=2, result=None), loop.time())


asyncio.run(main())
