# loop exception handlers: the default one prints "Exception in callback
# ..." with the handle and the traceback; a custom handler gets (loop,
# context) with message/exception/handle; call_exception_handler() and
# default_exception_handler() with custom keys (sorted, repr'd); a handler
# that raises is reported with the context and the original exception.
import asyncio


def bad(x):
    raise ValueError(f"oops {x}")


def handler(loop, context):
    print("handler got", sorted(context))
    print(" message:", context["message"])
    print(" exception:", repr(context.get("exception")))
    print(" handle:", context.get("handle"))


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.call_soon(bad, 1)
    await asyncio.sleep(0)
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(bad, 2)
    loop.call_later(1, bad, 3)
    await asyncio.sleep(2)
    loop.call_exception_handler({"message": "custom", "foo": 1})
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "custom2", "zeta": [1], "alpha": "a"})
    loop.default_exception_handler({"message": "direct", "exception": KeyError("k")})
    loop.call_exception_handler({})

    def bad_handler(loop, ctx):
        raise RuntimeError("handler broke")
    loop.set_exception_handler(bad_handler)
    loop.call_soon(bad, 4)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
