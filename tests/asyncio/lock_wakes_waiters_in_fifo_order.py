import asyncio

async def worker(name, lock, log):
    async with lock:
        log.append(name)
        print("got", name, repr(lock).split("[")[1])
        await asyncio.sleep(0.1)

async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    log = []
    ts = [asyncio.create_task(worker(n, lock, log)) for n in "abcd"]
    await asyncio.sleep(0)
    print(repr(lock).split("[")[1])
    ts[1].cancel()
    lock.release()
    res = await asyncio.gather(*ts, return_exceptions=True)
    print(log, [type(r).__name__ for r in res], lock.locked())
    c = lock.acquire()
    del c

asyncio.run(main())
