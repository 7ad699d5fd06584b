# title[fr]: Producteurs et consommateurs autour d'une Queue
# title[en]: Producers and consumers around a Queue
# video: V7
#
# Two producers put jobs into a bounded Queue; two consumers take them out.
# A full queue makes producers wait, an empty one makes consumers wait.
# join() waits until every job has been marked done with task_done().
import asyncio


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


async def producer(name, queue, count, pace):
    for i in range(1, count + 1):
        await asyncio.sleep(pace)
        job = f"{name}{i}"
        if queue.full():
            print(f"{clock()} {name} has {job} ready, but the queue is full")
        # cue[fr]: Si la file est pleine, put() suspend le producteur jusqu'à ce qu'une place se libère.
        # cue[en]: If the queue is full, put() suspends the producer until a slot frees up.
        await queue.put(job)
        print(f"{clock()} {name} put {job} (queue size {queue.qsize()})")


async def consumer(name, queue, work):
    while True:
        # cue[fr]: File vide : get() suspend le consommateur jusqu'à l'arrivée d'un travail.
        # cue[en]: Empty queue: get() suspends the consumer until a job arrives.
        job = await queue.get()
        print(f"{clock()}   {name} took {job}")
        await asyncio.sleep(work)
        print(f"{clock()}   {name} done with {job}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    consumers = [
        asyncio.create_task(consumer("slow", queue, 2.0)),
        asyncio.create_task(consumer("fast", queue, 1.5)),
    ]
    await asyncio.gather(
        producer("a", queue, 3, 0.5),
        producer("b", queue, 3, 0.5),
    )
    print(f"{clock()} main: producers finished, waiting for the queue to drain")
    # cue[fr]: join() attend que chaque travail ait été marqué task_done().
    # cue[en]: join() waits until every job has been marked task_done().
    await queue.join()
    print(f"{clock()} main: every job done, cancelling the idle consumers")
    for task in consumers:
        task.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(f"{clock()} main: consumers cancelled: {[t.cancelled() for t in consumers]}")


asyncio.run(main())
