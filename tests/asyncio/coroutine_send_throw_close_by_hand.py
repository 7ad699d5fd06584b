# Coroutine objects driven by hand: send() runs to the next suspension and
# returns what the awaited object yields, StopIteration carries the return
# value, throw() raises at the suspension point, close() runs finally
# blocks; cr_* attributes describe the state.
import asyncio


class Suspend:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        received = yield self.value
        return received


async def worker():
    try:
        a = await Suspend("first")
        print("worker received", a)
        b = await Suspend("second")
        return a + b
    finally:
        print("worker finally")


async def catcher():
    try:
        await Suspend("waiting")
    except ValueError as e:
        print("caught", repr(e))
        await Suspend("after catch")
    return "unreachable?"


c = worker()
print(type(c).__name__, c.cr_running, c.cr_await)
print(c.send(None))
print(type(c.cr_await).__name__)
print(c.send(10))
try:
    c.send(5)
except StopIteration as e:
    print("StopIteration value", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

k = catcher()
print(k.send(None))
print(k.throw(ValueError("boom")))
k.close()
print("closed; frame gone:", k.cr_frame is None)

w = worker()
w.send(None)
w.close()
w2 = worker()
try:
    w2.throw(KeyError("before start"))
except KeyError as e:
    print("thrown before start:", repr(e))
try:
    worker().send(1)
except TypeError as e:
    print("TypeError:", e)
asyncio.run(asyncio.sleep(0))
