# "Task exception was never retrieved" is reported through the loop's
# exception handler (context: message, exception, future) when the failed
# task is destroyed; retrieving the exception first silences it.
import asyncio


async def boom(n):
    raise ValueError(f"boom {n}")


def handler(loop, context):
    print("handler:", context["message"], repr(context["exception"]))
    print("  future:", context["future"])


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    t = asyncio.create_task(boom(1))
    await asyncio.sleep(0)
    print("dropping t")
    del t
    print("dropped")
    t2 = asyncio.create_task(boom(2))
    await asyncio.sleep(0)
    print(repr(t2.exception()))
    del t2
    print("dropped t2")
    loop.set_exception_handler(None)
    t3 = asyncio.create_task(boom(3))
    await asyncio.sleep(0)
    del t3
    print("end")


asyncio.run(main())
