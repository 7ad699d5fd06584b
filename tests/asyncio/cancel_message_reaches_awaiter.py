# Task.cancel(msg): the message travels with the CancelledError thrown into
# the coroutine at its await, to whoever awaits the task, and through
# gather(); a second cancel() before the task runs keeps the first message.
import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "got", repr(e), e.args)
        raise


async def swallower():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("swallower got", repr(e))
        return "swallowed"


async def main():
    t = asyncio.create_task(sleeper("t"))
    await asyncio.sleep(1)
    print(t.cancel("stop now"))
    print(t.cancel("again"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter got", repr(e))
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raised", repr(e))

    g1 = asyncio.create_task(sleeper("g1"))
    g2 = asyncio.create_task(sleeper("g2"))
    gathered = asyncio.gather(g1, g2)
    await asyncio.sleep(0)
    print(gathered.cancel("gather says stop"))
    try:
        await gathered
    except asyncio.CancelledError as e:
        print("gather awaiter got", repr(e))

    s = asyncio.create_task(swallower())
    await asyncio.sleep(0)
    s.cancel("ignored?")
    print(await s, s.cancelled(), s.cancelling())

    f = asyncio.get_running_loop().create_future()
    f.cancel(msg="future msg")
    try:
        await f
    except asyncio.CancelledError as e:
        print("future awaiter got", repr(e))


asyncio.run(main())
