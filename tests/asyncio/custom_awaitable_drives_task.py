# Custom awaitables: a class whose __await__ yields a Future suspends the
# task until the future is done (bare yields are a sleep(0)); __await__
# returning a non-iterator is a TypeError; awaiting the same coroutine twice
# is a RuntimeError; ensure_future wraps an awaitable in a task.
import asyncio


class FutureAwaitable:
    def __init__(self, delay, value):
        self.delay = delay
        self.value = value

    def __await__(self):
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        loop.call_later(self.delay, fut.set_result, self.value)
        print("awaitable yields its future")
        result = yield from fut
        return result * 2


class Yielder:
    def __await__(self):
        yield
        yield
        return "two yields"


class Bad:
    def __await__(self):
        return 42


async def simple():
    return 1


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    print(await FutureAwaitable(1.5, 21), loop.time())
    t = asyncio.create_task(ticker())
    print(await Yielder())
    await t
    try:
        await Bad()
    except TypeError as e:
        print("TypeError:", e)
    c = simple()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    task = asyncio.ensure_future(FutureAwaitable(1, 5))
    print(type(task).__name__, await task)
    print(asyncio.isfuture(task), asyncio.iscoroutine(c), asyncio.iscoroutinefunction(simple),
          asyncio.iscoroutine(Yielder()))


asyncio.run(main())
