# wait_for(aw, timeout): the result if it comes in time; otherwise the inner
# task is cancelled (its except/finally run) and TimeoutError is raised from
# the CancelledError; timeout=None waits forever; timeout <= 0 only takes a
# result that is already there.
import asyncio


async def slow(d, name):
    try:
        await asyncio.sleep(d)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print(name, "finally")


async def main():
    print(await asyncio.wait_for(slow(1, "fast"), timeout=2))
    try:
        await asyncio.wait_for(slow(5, "too slow"), 2)
    except TimeoutError as e:
        print("TimeoutError", repr(e), "cause", repr(e.__cause__))
    print(await asyncio.wait_for(slow(3, "no limit"), None))
    done = asyncio.get_running_loop().create_future()
    done.set_result("ready")
    print(await asyncio.wait_for(done, 0))
    try:
        await asyncio.wait_for(slow(1, "zero"), 0)
    except TimeoutError:
        print("TimeoutError with timeout 0 at", asyncio.get_running_loop().time())


asyncio.run(main())
