import asyncio

async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print("cancelled; locked again:", cond.locked())
            raise

async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    await cond.acquire()
    t.cancel()
    await asyncio.sleep(0)
    print("holder still has it", cond.locked(), t.done())
    cond.release()
    r = await asyncio.gather(t, return_exceptions=True)
    print(type(r[0]).__name__, cond.locked())
    sem = asyncio.Semaphore(0)
    ws = [asyncio.create_task(sem.acquire()) for _ in range(3)]
    await asyncio.sleep(0)
    sem.release()
    ws[0].cancel()
    await asyncio.sleep(0)
    print([w.done() and not w.cancelled() for w in ws], [w.cancelled() for w in ws], repr(sem).split("[")[1])

asyncio.run(main())
