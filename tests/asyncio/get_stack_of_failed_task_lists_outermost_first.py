# A failed task's stack is its exception's traceback, from the coroutine's
# own frame down to where the exception was raised; the limit keeps the
# outermost frames.
import asyncio


def inner(x):
    y = x * 2
    raise ValueError(y)


async def middle(v):
    w = v + 1
    inner(w)


async def outer():
    await middle(1)


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    for limit in (None, 1, 2, 0):
        frames = t.get_stack(limit=limit)
        print(limit, [(f.f_code.co_name, f.f_lineno) for f in frames])
    try:
        await t
    except ValueError as e:
        print("retrieved", e)


asyncio.run(main())
