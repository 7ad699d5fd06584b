# loop.shutdown_asyncgens() called by hand on a loop driven with
# run_until_complete; a generator dropped while the loop runs is closed by
# the finalizer hook in a task (create_task(agen.aclose())).
import asyncio


async def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("closing", name)


async def use(name, keep):
    g = gen(name)
    print(name, await g.__anext__())
    if keep:
        return g
    del g
    print(name, "dropped")
    await asyncio.sleep(0)
    print(name, "after sleep")


loop = asyncio.new_event_loop()
held = loop.run_until_complete(use("held", True))
loop.run_until_complete(use("dropped", False))
print("shutting down")
loop.run_until_complete(loop.shutdown_asyncgens())
print("again")
loop.run_until_complete(loop.shutdown_asyncgens())
loop.close()
