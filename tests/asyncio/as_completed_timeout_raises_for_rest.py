# as_completed(timeout=): once the timeout passes, every awaitable not yet
# served raises TimeoutError; the unfinished tasks keep running.
import asyncio


async def job(d):
    await asyncio.sleep(d)
    print("job", d, "finished at", asyncio.get_running_loop().time())
    return d


async def main():
    tasks = [asyncio.create_task(job(d)) for d in (5, 1, 3, 2)]
    n = 0
    for aw in asyncio.as_completed(tasks, timeout=2.5):
        n += 1
        try:
            print(n, "result", await aw)
        except TimeoutError as e:
            print(n, "TimeoutError", repr(e), asyncio.get_running_loop().time())
    print([t.done() for t in tasks])
    await asyncio.sleep(3)
    print([t.done() for t in tasks])


asyncio.run(main())
