# repr() of a Task in each state: pending (not started, then suspended with
# wait_for=), cancelling, cancelled, finished with a result or an exception;
# its done callbacks; a Task subclass shows its own class name.
import asyncio


async def child():
    await asyncio.sleep(1)
    return 5


async def boom():
    raise ValueError("bad")


class MyTask(asyncio.Task):
    pass


def on_done(t):
    pass


async def main():
    t = asyncio.create_task(child())
    print(t)
    await asyncio.sleep(0)
    print(t)
    t.add_done_callback(on_done)
    print(t)
    await t
    print(t)
    b = asyncio.create_task(boom(), name="bomb")
    await asyncio.sleep(0)
    print(b)
    b.exception()
    c = asyncio.create_task(child())
    await asyncio.sleep(0)
    c.cancel()
    print(c)
    await asyncio.sleep(0)
    print(c)
    me = asyncio.current_task()
    print(me)
    m = MyTask(child(), name="mine")
    print(m)
    print(await m, m)


asyncio.run(main())
