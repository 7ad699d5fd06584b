# A sleep so long that, once the clock reaches its deadline, a float cannot
# hold the loop's 1e-09 s resolution: the timer is due but never fires, and
# CPython's loop would spin forever. asyncscope gets there at once (the
# iterations that only move the clock by a day are skipped) and stops.
# expect-exit: 4
# expect-stdout-regex: going to sleep
# expect-stderr-regex: \*\*\* stalled at t=1e\+16: the next timer is due but can never fire .* the loop would spin forever \*\*\*
import asyncio


async def main():
    print("going to sleep")
    await asyncio.sleep(1e16)
    print("never")


asyncio.run(main())
