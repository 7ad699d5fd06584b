# asyncio.all_tasks() holds the loop's unfinished tasks (the running one
# included); current_task() is the task running now, None outside tasks;
# both need a loop.
import asyncio


async def worker(d):
    await asyncio.sleep(d)


async def main():
    me = asyncio.current_task()
    print(me.get_name(), me in asyncio.all_tasks())
    ts = [asyncio.create_task(worker(d), name=f"w{d}") for d in (1, 2)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*ts)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    loop = asyncio.get_running_loop()
    print(asyncio.current_task(loop) is me, len(asyncio.all_tasks(loop)))


def callback():
    print("in a callback:", asyncio.current_task())


async def with_callback():
    asyncio.get_running_loop().call_soon(callback)
    await asyncio.sleep(0)


asyncio.run(main())
asyncio.run(with_callback())
for f in (asyncio.current_task, asyncio.all_tasks):
    try:
        f()
    except RuntimeError as e:
        print(f.__name__, "RuntimeError:", e)
