# create_task() schedules the task's first step: it runs only once the
# current step yields to the loop.
import asyncio


async def child():
    print("child runs")


async def main():
    task = asyncio.create_task(child())
    print("task created, child has not run")
    await asyncio.sleep(0)
    print("after one yield, child done:", task.done())


asyncio.run(main())
