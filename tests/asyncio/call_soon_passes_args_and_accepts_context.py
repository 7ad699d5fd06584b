# call_soon/call_soon_threadsafe/call_later/call_at pass positional arguments to the callback and
# accept the context= keyword; callbacks run in FIFO order per iteration;
# coroutines and non-callables are refused with CPython's messages.
import asyncio


def show(*args):
    print("show", args)


async def coro():
    pass


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(show, 1, 2, 3)
    loop.call_soon(show, context=None)
    loop.call_later(0.5, show, "later", context=None)
    loop.call_at(loop.time() + 0.25, show, "at", 4)
    loop.call_soon_threadsafe(show, "threadsafe", context=None)
    loop.call_soon(show, "last")
    await asyncio.sleep(1)
    c = coro()
    for method, args in (("call_soon", (c,)), ("call_later", (1, c)), ("call_at", (1, c))):
        try:
            getattr(loop, method)(*args)
        except TypeError as e:
            print(method, "TypeError:", e)
    c.close()
    try:
        loop.call_later(None, show)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
