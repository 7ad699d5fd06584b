# Runner.run() wants a coroutine and no running loop; the loop is created
# lazily (get_loop() or the first run()); a runner closed before use stays
# unusable; loop_factory makes the loop and it is not set as current.
import asyncio


async def inner():
    return "inner"


async def outer(runner):
    coro = inner()
    try:
        runner.run(coro)
    except RuntimeError as e:
        print("RuntimeError:", e)
    return await coro


r = asyncio.Runner()
print(repr(r).startswith("<asyncio.runners.Runner object at "))
try:
    r.run(inner)
except ValueError as e:
    print("ValueError:", str(e).split(" at ")[0])
print(r.run(outer(asyncio.Runner())))
r.close()
r.close()

r2 = asyncio.Runner()
r2.close()
try:
    r2.run(inner())
except RuntimeError as e:
    print("RuntimeError:", e)

made = []


def factory():
    loop = asyncio.new_event_loop()
    made.append(loop)
    return loop


with asyncio.Runner(loop_factory=factory, debug=False) as r3:
    print(r3.get_loop() is made[0], len(made))
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(r3.run(inner()))
print(made[0].is_closed())
try:
    asyncio.Runner(1)
except TypeError as e:
    print("TypeError")
