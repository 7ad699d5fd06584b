# Task.cancelling() counts cancel() requests not yet withdrawn; uncancel()
# withdraws one and returns the count left; when it reaches zero a pending
# cancellation no longer fires at the next await.
import asyncio


async def patient():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled once, cancelling() =", me.cancelling())
        print("uncancel() ->", me.uncancel())
    await asyncio.sleep(1)
    print("survived to", asyncio.get_running_loop().time())
    me.cancel()
    me.cancel()
    print("cancelling() =", me.cancelling())
    print("uncancel() ->", me.uncancel(), me.uncancel(), me.uncancel())
    await asyncio.sleep(0)
    print("no cancellation delivered")
    return "done"


async def main():
    t = asyncio.create_task(patient())
    await asyncio.sleep(1)
    t.cancel()
    print(await t, t.cancelling())
    done = asyncio.create_task(asyncio.sleep(0))
    await done
    print(done.cancel(), done.cancelling(), done.uncancel())


asyncio.run(main())
