import asyncio

async def waiter(name, cond, state):
    async with cond:
        await cond.wait_for(lambda: state["go"] >= 1)
        print("woke", name, state["go"])

async def main():
    cond = asyncio.Condition()
    state = {"go": 0}
    ts = [asyncio.create_task(waiter(n, cond, state)) for n in "abc"]
    await asyncio.sleep(0)
    print(repr(cond).split("[")[1])
    async with cond:
        state["go"] = 1
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
