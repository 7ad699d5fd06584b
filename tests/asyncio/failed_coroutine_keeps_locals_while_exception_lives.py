# The locals of a coroutine that ended with an exception live as long as
# that exception (its traceback keeps the frame): the failed task held by
# helper() is reported only when the `except ... as e` block ends.
import asyncio
async def boom():
    raise ValueError("task failed")
async def helper():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0)
    raise RuntimeError("helper failed")
async def main():
    try:
        await helper()
    except RuntimeError as e:
        print("caught", e)
    print("after")
    await asyncio.sleep(0)
    print("end")
asyncio.run(main())
