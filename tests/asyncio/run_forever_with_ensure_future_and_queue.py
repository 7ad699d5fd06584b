# The pre-asyncio.run style: get_event_loop(), ensure_future() and
# run_forever() with a Queue; a callback adds a task meanwhile; a consumer
# stops the loop; the producers left pending are reported when collected.
import asyncio

async def producer(q):
    for i in range(3):
        await q.put(i)
        print("put", i)
        await asyncio.sleep(0.5)

async def consumer(q):
    while True:
        item = await q.get()
        print("got", item, asyncio.get_running_loop().time())
        q.task_done()
        if item == 2:
            asyncio.get_running_loop().stop()

loop = asyncio.get_event_loop()
q = asyncio.Queue()
asyncio.ensure_future(producer(q))
c = asyncio.ensure_future(consumer(q))
loop.call_later(0.2, lambda: asyncio.ensure_future(producer(q)))
loop.run_forever()
print("pending:", sorted(t.get_coro().__name__ for t in asyncio.all_tasks(loop)))
c.cancel()
loop.run_until_complete(asyncio.sleep(0))
print(c.cancelled())
loop.close()
