# async generators with `async for`, asend/athrow/aclose by hand, async
# comprehensions (list, set, dict, generator expression), await inside
# comprehensions, and StopAsyncIteration.
import asyncio


async def countdown(n, delay):
    while n > 0:
        await asyncio.sleep(delay)
        yield n
        n -= 1


async def echo():
    received = None
    try:
        while True:
            received = yield f"echo {received}"
    except ValueError as e:
        yield f"caught {e}"
    finally:
        print("echo finally")


async def double(x):
    await asyncio.sleep(0.1)
    return 2 * x


async def main():
    loop = asyncio.get_running_loop()
    async for n in countdown(3, 0.5):
        print("countdown", n, loop.time())
    print([n async for n in countdown(3, 0)])
    print({n % 2 async for n in countdown(4, 0)})
    print({n: -n async for n in countdown(2, 0)})
    print([await double(x) for x in range(3)], loop.time())
    print([x async for x in countdown(5, 0) if x % 2])
    gen = (n * 10 async for n in countdown(2, 0))
    print(type(gen).__name__, [v async for v in gen])
    e = echo()
    print(await e.asend(None))
    print(await e.asend("hello"))
    print(await e.athrow(ValueError("oops")))
    await e.aclose()
    try:
        await e.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    it = aiter(countdown(1, 0))
    print(await anext(it), await anext(it, "default"))


asyncio.run(main())
