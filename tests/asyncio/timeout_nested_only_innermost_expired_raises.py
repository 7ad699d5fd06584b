# Nested timeouts: the one whose deadline passed converts the cancellation;
# the other sees TimeoutError pass through (or CancelledError, if both expire).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(5) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(3)
            except TimeoutError:
                print("inner timed out at", loop.time(), inner.expired(), outer.expired())
            await asyncio.sleep(10)
    except TimeoutError:
        print("outer timed out at", loop.time(), inner.expired(), outer.expired())
    print("cancelling:", asyncio.current_task().cancelling())
    # Both deadlines at the same time: the outer handler was scheduled first.
    try:
        async with asyncio.timeout(1) as a:
            async with asyncio.timeout(1) as b:
                await asyncio.sleep(2)
    except TimeoutError as e:
        print("both expired:", a.expired(), b.expired(), loop.time())
        print("cause:", type(e.__cause__).__name__)
    print("cancelling:", asyncio.current_task().cancelling())


asyncio.run(main())
