# sleep(0) gives every other ready task exactly one step, round robin.
import asyncio


async def worker(name, steps):
    for step in range(steps):
        print(name, step)
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 1))
    print("time still", asyncio.get_running_loop().time())


asyncio.run(main())
