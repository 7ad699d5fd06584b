# TaskGroup: the first failure cancels the other tasks and the body; all
# failures come out together as an ExceptionGroup, split with except*;
# an error in the body joins them; uncaught, the group is printed as boxes.
import asyncio


async def fail(n, d):
    await asyncio.sleep(d)
    raise ValueError(f"fail {n}")


async def key_error(d):
    await asyncio.sleep(d)
    raise KeyError("k")


async def ok(d):
    try:
        await asyncio.sleep(d)
        print("ok done")
    except asyncio.CancelledError:
        print("ok cancelled at", asyncio.get_running_loop().time())
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, 1))
            tg.create_task(key_error(1))
            tg.create_task(ok(5))
            tg.create_task(fail(3, 2))
    except* ValueError as eg:
        print("ValueErrors:", repr(eg), [str(e) for e in eg.exceptions])
        saved = eg
    except* KeyError as eg:
        print("KeyErrors:", repr(eg))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(4, 1))
            await asyncio.sleep(0)
            raise TypeError("body")
    except* TypeError as e:
        print("body error:", repr(e))
    except* ValueError as e:
        print("not reached", repr(e))
    print(isinstance(saved, ExceptionGroup), issubclass(ExceptionGroup, BaseExceptionGroup))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail(5, 1))
        tg.create_task(ok(2))
        print(tg)


asyncio.run(main())
