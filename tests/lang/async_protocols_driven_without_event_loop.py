class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v

class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        await Suspend()
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True

class AsyncIter:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        await Suspend()
        return self.n

async def main():
    async with AsyncCM() as r:
        print("got", r)
        raise ValueError("suppressed by aexit")
    out = []
    async for v in AsyncIter(3):
        out.append(v)
    print(out)
    print([v async for v in AsyncIter(2)])
    return "done"

def run(coro):
    value = None
    while True:
        try:
            coro.send(value)
            value = "resumed"
        except StopIteration as e:
            return e.value

print(run(main()))

async def bad_async_for():
    async for x in [1, 2]:
        pass
try:
    run(bad_async_for())
except TypeError as e:
    print("TypeError:", e)
async def bad_async_with():
    async with object():
        pass
try:
    run(bad_async_with())
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
async def coro_repr():
    pass
c = coro_repr()
print(type(c).__name__, c.cr_running, c.__qualname__)
c.close()
import asyncio
print(asyncio.iscoroutine(c))
