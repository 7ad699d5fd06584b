# `async with`: __aenter__'s result is bound by `as`; __aexit__ gets the
# exception and can suppress it by returning true; both may await; several
# managers exit in reverse order; Lock, Semaphore and Condition work as
# async context managers.
import asyncio


class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0.5)
        print("enter", self.name, asyncio.get_running_loop().time())
        return self.name.upper()

    async def __aexit__(self, et, exc, tb):
        await asyncio.sleep(0.5)
        print("exit", self.name, et.__name__ if et else None, repr(exc))
        return self.suppress


async def main():
    async with Resource("a") as a, Resource("b") as b:
        print("body", a, b)
    async with Resource("quiet", suppress=True):
        raise ValueError("suppressed")
    print("after suppressed")
    try:
        async with Resource("loud"):
            raise KeyError("propagates")
    except KeyError as e:
        print("caught", repr(e))
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    cond = asyncio.Condition()
    async with lock, sem, cond:
        print(lock.locked(), sem.locked(), cond.locked())
    print(lock.locked(), sem.locked(), cond.locked())
    try:
        async with 42:
            pass
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
