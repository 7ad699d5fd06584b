# An uncaught TimeoutError from asyncio.timeout() escapes asyncio.run with
# the CancelledError as its direct cause, printed first.
import asyncio


async def main():
    async with asyncio.timeout(0.5):
        await asyncio.sleep(1)


asyncio.run(main())
