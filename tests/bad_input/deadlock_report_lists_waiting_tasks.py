# When no handle is ready and no timer is pending while tasks still wait,
# CPython would block forever; asyncscope stops with exit status 3 and a
# report: each pending task, the line it is suspended at, what it waits for.
# expect-exit: 3
# expect-stdout-regex: worker waits
# expect-stderr-regex: \*\*\* deadlock at t=1\.0000: the loop would block forever \(no ready handles, no timers\) \*\*\*
# expect-stderr-regex: 4 tasks wait and nothing can wake them:
# expect-stderr-regex:   Task-1 \(main\) at .*deadlock_report_lists_waiting_tasks\.py:33 in main: await asyncio\.gather\(t, pair\(a, b\), pair\(b, a\)\)
# expect-stderr-regex:       waits for gather\(Task w, Task Task-3, Task Task-4\)
# expect-stderr-regex:   w \(worker\) at .*:19 in worker: await ev\.wait\(\)
# expect-stderr-regex:       waits for the Future of Event\.wait\(\)
# expect-stderr-regex:   Task-3 \(pair\) at .*:25 in pair: async with lock_b:
# expect-stderr-regex:       waits for the Future of Lock\.acquire\(\)
import asyncio


async def worker(ev):
    print("worker waits")
    await ev.wait()


async def pair(lock_a, lock_b):
    async with lock_a:
        await asyncio.sleep(1)
        async with lock_b:
            pass


async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(worker(ev), name="w")
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(t, pair(a, b), pair(b, a))


asyncio.run(main())
