# title[fr]: Bloquer la boucle
# title[en]: Blocking the loop
# video: V8
#
# A ticker wants to print every 0.5 s. A worker that calls time.sleep()
# (blocking) freezes the whole loop: the ticker's timers fire late. The same
# worker with await asyncio.sleep() lets the ticker run on time.
import asyncio
import time


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


async def ticker(count):
    for i in range(count):
        print(f"{clock()}   tick {i}")
        await asyncio.sleep(0.5)


async def blocking_worker():
    print(f"{clock()}   worker: time.sleep(1.5), the loop is frozen")
    # cue[fr]: time.sleep() ne rend pas la main : plus rien ne tourne, les timers prennent du retard.
    # cue[en]: time.sleep() never yields: nothing else runs, the timers fall behind.
    time.sleep(1.5)
    print(f"{clock()}   worker: done")


async def polite_worker():
    print(f"{clock()}   worker: await asyncio.sleep(1.5), the loop goes on")
    # cue[fr]: await asyncio.sleep() rend la main : le ticker continue à l'heure.
    # cue[en]: await asyncio.sleep() yields: the ticker keeps its schedule.
    await asyncio.sleep(1.5)
    print(f"{clock()}   worker: done")


async def main():
    print(f"{clock()} blocking worker:")
    await asyncio.gather(ticker(4), blocking_worker())
    print(f"{clock()} polite worker:")
    await asyncio.gather(ticker(4), polite_worker())


asyncio.run(main())
