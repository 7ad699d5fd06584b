# Handle and TimerHandle: repr with the callback and its arguments
# (shortened like reprlib), when(), cancel()/cancelled(), and the repr of a
# cancelled handle; call_at keeps an int deadline as given.
import asyncio


def cb(*args):
    print("cb", args)


class K:
    def method(self, x):
        print("method", x)


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(cb, 1, "two", [3] * 10)
    print(h, h.cancelled())
    th = loop.call_later(2, cb, "later")
    print(th, th.when())
    ta = loop.call_at(5, cb, "at")
    print(ta, ta.when())
    m = loop.call_soon(K().method, 7)
    print(m)
    p = loop.call_soon(print, "builtin")
    print(p)
    h.cancel()
    print(h, h.cancelled())
    th.cancel()
    th.cancel()
    print(th, th.cancelled(), th.when())
    await asyncio.sleep(6)
    print(ta, ta.cancelled())


asyncio.run(main())
