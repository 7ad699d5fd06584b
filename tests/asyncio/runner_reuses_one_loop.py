# asyncio.Runner: one loop for several run() calls (tasks created by one run
# keep living into the next), set as the current event loop while the
# runner is open; close() cancels what is left and closes the loop.
import asyncio


async def background():
    try:
        while True:
            await asyncio.sleep(1)
            print("background tick at", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print("background cancelled at close")
        raise


async def first():
    asyncio.create_task(background())
    await asyncio.sleep(2.5)
    return asyncio.get_running_loop()


async def second():
    await asyncio.sleep(1)
    return asyncio.get_running_loop()


with asyncio.Runner() as runner:
    loop = runner.get_loop()
    print("same loop as get_event_loop:", asyncio.get_event_loop() is loop)
    print(runner.run(first()) is loop)
    print(runner.run(second()) is loop, loop.time())
    print("closed inside:", loop.is_closed())
print("closed after:", loop.is_closed())
try:
    runner.run(second())
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
runner.close()
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
