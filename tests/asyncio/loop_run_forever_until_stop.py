# loop.run_forever() runs until stop() is called; stop() lets the current
# iteration finish (callbacks scheduled during it run in the next run);
# is_running() is true inside; run_forever inside a running loop fails.
import asyncio

loop = asyncio.new_event_loop()


def tick(n):
    print("tick", n, loop.time(), loop.is_running())
    if n < 3:
        loop.call_later(0.5, tick, n + 1)
    else:
        loop.stop()
        loop.call_soon(print, "scheduled after stop()")


loop.call_soon(tick, 0)
loop.run_forever()
print("stopped at", loop.time(), loop.is_running())
loop.call_soon(print, "first callback of the second run")
loop.call_soon(loop.stop)
loop.run_forever()


async def nested():
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)


loop.run_until_complete(nested())
try:
    loop.close()
    loop.close()
    print("closed twice:", loop.is_closed())
    loop.run_forever()
except RuntimeError as e:
    print("RuntimeError:", e)
