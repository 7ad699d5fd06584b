# A sleep longer than the selector's one-day cap: the clock moves a day at a
# time, then lands exactly on the deadline.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(3.5 * 86400 + 0.25)
    print(loop.time())
    await asyncio.sleep(7 * 86400)
    print(loop.time())


asyncio.run(main())
