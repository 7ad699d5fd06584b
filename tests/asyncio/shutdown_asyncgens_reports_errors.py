# shutdown_asyncgens(): an async generator whose aclose() fails is reported
# to the exception handler ("an error occurred during closing of
# asynchronous generator ..."); one that yields in finally is a RuntimeError.
import asyncio

keep = []


async def bad_finally():
    try:
        yield 1
    finally:
        raise ValueError("cleanup failed")


async def stubborn():
    try:
        yield 1
    finally:
        yield 2


def handler(loop, context):
    print("handler:", context["message"].split(" <")[0], repr(context["exception"]))


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    for g in (bad_finally(), stubborn()):
        keep.append(g)
        await g.__anext__()


asyncio.run(main())
