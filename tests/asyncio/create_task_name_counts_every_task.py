# Task names: asyncio.create_task(name=...) and TaskGroup.create_task(name=...)
# still use up a Task-N number (the task is renamed after creation), while
# loop.create_task(name=...) and Task(name=...) do not; set_name() takes any
# object and stores str() of it.
import asyncio


async def c():
    pass


async def main():
    loop = asyncio.get_running_loop()
    names = [asyncio.create_task(c(), name="a").get_name(),
             asyncio.create_task(c()).get_name(),
             loop.create_task(c(), name="b").get_name(),
             asyncio.create_task(c()).get_name(),
             asyncio.Task(c(), name="t").get_name(),
             asyncio.create_task(c()).get_name()]
    async with asyncio.TaskGroup() as tg:
        names.append(tg.create_task(c(), name="g").get_name())
        names.append(tg.create_task(c()).get_name())
    print(names)
    t = asyncio.create_task(c(), name=42)
    print(repr(t.get_name()))
    t.set_name(("x", 1))
    print(repr(t.get_name()))
    await t


asyncio.run(main())
