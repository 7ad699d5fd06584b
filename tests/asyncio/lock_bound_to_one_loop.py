import asyncio

lock = asyncio.Lock()
ev = asyncio.Event()

async def use():
    await lock.acquire()
    lock.release()
    return "ok"

print(asyncio.run(use()))
try:
    asyncio.run(use())
except RuntimeError as e:
    print("RuntimeError:", str(e).split(" object at ")[0], "...", str(e).split("]")[1])
