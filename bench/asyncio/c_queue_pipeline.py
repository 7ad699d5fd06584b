# Benchmark (c): a pipeline of 3 stages of 1,000 workers each, connected by
# bounded asyncio.Queues, carrying 100,000 items from a producer to a sink.
# Once a stage's queue is drained (join), its workers get one sentinel each.
# The checksum folds in the order in which the items reached the sink.
import asyncio

ITEMS = 100_000
WORKERS = 1_000
STAGES = 3
STOP = None

total = 0
order_hash = 0
received = 0


async def producer(out):
    for i in range(ITEMS):
        await out.put(i)


async def stage(number, inbox, out):
    while True:
        item = await inbox.get()
        if item is STOP:
            inbox.task_done()
            return
        await out.put(item * 3 + number)
        inbox.task_done()


async def sink(inbox):
    global total, order_hash, received
    while True:
        item = await inbox.get()
        if item is STOP:
            return
        total += item
        received += 1
        order_hash = (order_hash * 31 + item) & 0xFFFFFFFF


async def main():
    queues = [asyncio.Queue(maxsize=100) for _ in range(STAGES + 1)]
    stages = [[asyncio.create_task(stage(s, queues[s], queues[s + 1])) for _ in range(WORKERS)]
              for s in range(STAGES)]
    consumer = asyncio.create_task(sink(queues[STAGES]))
    await producer(queues[0])
    # A stage's queue drained and every item handed on: stop its workers.
    for s in range(STAGES):
        await queues[s].join()
        for _ in range(WORKERS):
            await queues[s].put(STOP)
        await asyncio.gather(*stages[s])
    await queues[STAGES].put(STOP)
    await consumer
    print(f"received {received}, total {total}")
    print(f"order hash {order_hash:08x}")


asyncio.run(main())
