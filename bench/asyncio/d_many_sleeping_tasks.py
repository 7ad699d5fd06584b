# Benchmark (d): 100,000 tasks alive at once, all sleeping, each two
# coroutines deep. Run it for its peak memory: every task holds a Task, two
# coroutine frames and a timer while the loop waits.
import asyncio

TASKS = 100_000

done = 0


async def nap(ident):
    await asyncio.sleep(1 + (ident % 100) / 100)
    return ident


async def worker(ident):
    global done
    value = await nap(ident)
    done += 1
    return value


async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(worker(i)) for i in range(TASKS)]
    await asyncio.sleep(0.5)
    alive = sum(1 for t in tasks if not t.done())
    results = await asyncio.gather(*tasks)
    print(f"alive while sleeping {alive}, finished {done}, sum {sum(results)}")
    print(f"virtual time {loop.time():.3f}")


asyncio.run(main())
