# loop.stop() ends run_forever() with tasks still pending; close() drops the
# loop's handles; a pending task cannot run any more, and when it is finally
# collected "Task was destroyed but it is pending!" is logged and its
# coroutine is closed (its finally block runs).
import asyncio

async def worker(name, n):
    try:
        for i in range(n):
            print(name, i, loop.time())
            await asyncio.sleep(1)
    finally:
        print(name, "finally")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
t1 = loop.create_task(worker("a", 5))
t2 = asyncio.ensure_future(worker("b", 2))
loop.call_later(2.5, loop.stop)
loop.run_forever()
print("stopped", t1.done(), t2.done(), len(asyncio.all_tasks(loop)))
print(t1)
try:
    loop.close()
finally:
    print("closed", loop.is_closed())
try:
    loop.run_until_complete(t1)
except RuntimeError as e:
    print(e)
del t1
print("deleted t1")
