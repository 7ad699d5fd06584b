class Awaitable:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        print("suspending with", self.value)
        received = yield self.value
        print("resumed with", received)
        return received * 2

async def inner(x):
    r = await Awaitable(x)
    return r + 1

async def outer():
    a = await inner(10)
    b = await inner(20)
    return a, b

coro = outer()
print(type(coro).__name__, coro.__qualname__)
v = coro.send(None)
print("yielded", v)
v = coro.send(3)
print("yielded", v)
try:
    coro.send(4)
except StopIteration as e:
    print("returned", e.value)

async def fails():
    await Awaitable("x")
    raise ValueError("inside coroutine")
c = fails()
c.send(None)
try:
    c.throw(KeyError("thrown in"))
except KeyError as e:
    print("KeyError:", e)

async def simple():
    return 5
c = simple()
try:
    c.send(None)
except StopIteration as e:
    print("simple returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

class NotAwaitable: pass
async def bad():
    await NotAwaitable()
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)

c = simple()
c.close()
print("closed unstarted coroutine")
