# asyncio.run() makes a new loop for each call, sets it as the current loop
# only while it runs, closes it afterwards; a non-coroutine is a ValueError
# after the loop was made (and closed); run() inside a running loop fails.
import asyncio


async def which_loop():
    return asyncio.get_running_loop()


async def nested():
    coro = which_loop()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    coro.close()


implicit = asyncio.get_event_loop()
l1 = asyncio.run(which_loop())
l2 = asyncio.run(which_loop())
print(l1 is l2, l1 is implicit, l1.is_closed(), l2.is_closed(), implicit.is_closed())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
asyncio.run(nested())
asyncio.set_event_loop(implicit)
print(asyncio.get_event_loop() is implicit)
print(implicit.run_until_complete(which_loop()) is implicit)
implicit.close()
