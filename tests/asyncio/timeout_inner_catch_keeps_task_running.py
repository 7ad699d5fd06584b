# Code inside the timeout block that swallows the CancelledError keeps
# running; leaving the block then does not raise TimeoutError (the
# cancellation was consumed), yet the timeout reports expired().
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1) as t:
        try:
            await asyncio.sleep(2)
        except asyncio.CancelledError:
            print("swallowed at", loop.time(), asyncio.current_task().cancelling())
        await asyncio.sleep(1)
        print("still inside at", loop.time())
    print("left block", t.expired(), repr(t), asyncio.current_task().cancelling())


asyncio.run(main())
