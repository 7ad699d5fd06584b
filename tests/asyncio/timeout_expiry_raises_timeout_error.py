# asyncio.timeout(d): when the deadline passes, the task is cancelled at its
# current await and the `async with` turns that CancelledError into
# TimeoutError raised from it; expired() and repr() follow the states.
import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("slow cancelled at", asyncio.get_running_loop().time(), repr(e))
        raise


async def main():
    cm = asyncio.timeout(1.5)
    print(repr(cm), cm.when(), cm.expired())
    try:
        async with cm as t:
            print(t is cm, repr(t))
            await slow()
    except TimeoutError as e:
        print("TimeoutError", repr(e), e.args)
        print("cause:", repr(e.__cause__), "context:", repr(e.__context__))
        print("suppress_context:", e.__suppress_context__)
    print(repr(cm), cm.expired(), cm.when())
    print("cancelling after:", asyncio.current_task().cancelling())
    async with asyncio.timeout(5) as t2:
        await asyncio.sleep(1)
    print(repr(t2), t2.expired())


asyncio.run(main())
