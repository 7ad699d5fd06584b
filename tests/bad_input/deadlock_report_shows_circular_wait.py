# Tasks awaiting each other in a circle: the deadlock report names the circle.
# expect-exit: 3
# expect-stderr-regex: \*\*\* deadlock at t=0\.0000: .*
# expect-stderr-regex:   Task-2 \(main\.<locals>\.a\) at .*:13 in a: await tb
# expect-stderr-regex:       waits for Task Task-3
# expect-stderr-last:   circular wait: Task-2 -> Task-3 -> Task-2
import asyncio


async def main():
    async def a():
        await asyncio.sleep(0)
        await tb

    async def b():
        await ta

    ta = asyncio.create_task(a())
    tb = asyncio.create_task(b())
    await ta


asyncio.run(main())
