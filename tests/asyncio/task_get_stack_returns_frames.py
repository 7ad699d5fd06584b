# Task.get_stack(): the frame of a suspended task's coroutine (f_code,
# f_lineno, f_locals read when asked), the frames of a failed task's
# traceback, none for a finished or cancelled task; limit= keeps the first
# frames of a traceback.
import asyncio


async def inner(n):
    await asyncio.sleep(n)


async def outer(n):
    total = n * 2
    await inner(n)
    await asyncio.sleep(1)
    return total


async def boom():
    x = 1
    await asyncio.sleep(0)
    raise ValueError(x)


async def main():
    t = asyncio.create_task(outer(1))
    print([(fr.f_code.co_name, fr.f_lineno) for fr in t.get_stack()])
    await asyncio.sleep(0)
    (f,) = t.get_stack()
    print(type(f).__name__, f.f_code.co_name, f.f_code.co_qualname, f.f_lineno, f.f_locals)
    print(f.f_code.co_firstlineno, f.f_back, repr(f).startswith("<frame at 0x"))
    await asyncio.sleep(1.5)
    print("same frame object later:", f.f_lineno)
    b = asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    st = b.get_stack()
    print([(fr.f_code.co_name, fr.f_lineno) for fr in st], len(b.get_stack(limit=0)))
    await t
    print(t.get_stack(), b.exception())
    c = asyncio.create_task(outer(5))
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    print(c.get_stack(), c.cancelled())


asyncio.run(main())
