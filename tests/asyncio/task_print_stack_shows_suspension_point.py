# Task.print_stack(): a suspended task shows its coroutine's frame at the
# await it waits in; a running task shows its callers too; a task that
# failed shows the traceback of its exception; a cancelled one has none.
# limit= and file= (any object with write()) are honoured.
import asyncio


class Collect:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


async def inner():
    await asyncio.sleep(1)


async def outer():
    await inner()


async def boom():
    raise ValueError("x")


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0)
    t.print_stack()
    out = Collect()
    t.print_stack(file=out)
    print("written in", len(out.parts), "parts; first:", out.parts[0][:9])
    b = asyncio.create_task(boom())
    await asyncio.sleep(0)
    b.print_stack()
    b.print_stack(limit=0)
    t.cancel()
    await asyncio.sleep(0)
    t.print_stack()
    asyncio.current_task().print_stack(limit=1)
    b.exception()


asyncio.run(main())
