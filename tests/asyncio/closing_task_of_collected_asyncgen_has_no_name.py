# The task asyncio makes to close an async generator collected unfinished
# runs agen.aclose(), which has no __name__: its repr says so.
import asyncio


async def ticks():
    try:
        yield 1
        yield 2
    finally:
        print("ticks closed")


async def main():
    gen = ticks()
    print(await gen.__anext__())
    del gen
    await asyncio.sleep(0)  # the loop's finalizer hook creates the closing task
    for task in asyncio.all_tasks():
        if task is not asyncio.current_task():
            print(task)
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
