# A cancellation requested from outside while a timeout is pending is not
# turned into TimeoutError: uncancel() shows a request the timeout did not make.
import asyncio


async def worker():
    try:
        async with asyncio.timeout(2) as t:
            await asyncio.sleep(5)
    except TimeoutError:
        print("worker: TimeoutError (wrong)")
    except asyncio.CancelledError as e:
        print("worker: CancelledError", repr(e), t.expired())
        print("cancelling:", asyncio.current_task().cancelling())
        raise


async def worker_both():
    # the timeout fires, then an outside cancel arrives before the task runs
    try:
        async with asyncio.timeout(1) as t:
            await asyncio.sleep(5)
    except TimeoutError:
        print("worker_both: TimeoutError (wrong)")
    except asyncio.CancelledError:
        print("worker_both: CancelledError", t.expired(), asyncio.current_task().cancelling())
        raise


async def main():
    w = asyncio.create_task(worker())
    await asyncio.sleep(1)
    w.cancel("from main")
    try:
        await w
    except asyncio.CancelledError as e:
        print("main: worker cancelled", repr(e))
    w2 = asyncio.create_task(worker_both())
    loop = asyncio.get_running_loop()
    loop.call_later(1, w2.cancel)
    try:
        await w2
    except asyncio.CancelledError:
        print("main: worker_both cancelled", w2.cancelling())


asyncio.run(main())
