import asyncio

async def job(i, sem, active, peak):
    async with sem:
        active[0] += 1
        peak[0] = max(peak[0], active[0])
        print(f"{asyncio.get_running_loop().time():.1f} start {i}")
        await asyncio.sleep(0.1 * (i % 3 + 1))
        active[0] -= 1

async def main():
    sem = asyncio.Semaphore(2)
    print(repr(sem).split("[")[1])
    active, peak = [0], [0]
    await asyncio.gather(*(job(i, sem, active, peak) for i in range(6)))
    print("peak", peak[0], repr(sem).split("[")[1])
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
