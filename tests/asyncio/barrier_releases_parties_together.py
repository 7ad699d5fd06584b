# asyncio.Barrier(n): tasks wait until n of them arrived, then all go on
# together; wait() returns each one's arrival index; the barrier refills
# for the next round; repr shows the state and the waiters.
import asyncio


async def party(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrives at", asyncio.get_running_loop().time(), barrier)
    index = await barrier.wait()
    print(name, "passes with index", index, "at", asyncio.get_running_loop().time())
    return index


async def main():
    barrier = asyncio.Barrier(3)
    print(barrier, barrier.parties, barrier.n_waiting, barrier.broken)
    tasks = [asyncio.create_task(party(barrier, n, d)) for n, d in (("a", 1), ("b", 3), ("c", 2))]
    await asyncio.sleep(2.5)
    print("waiting:", barrier.n_waiting, barrier)
    print(await asyncio.gather(*tasks))
    print(barrier)
    # second round on the same barrier, with async with
    async def again(name):
        async with barrier as pos:
            print(name, "in round two at", pos)
    await asyncio.gather(again("x"), again("y"), again("z"))
    print(barrier)


asyncio.run(main())
