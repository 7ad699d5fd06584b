# title[fr]: Annuler une tâche
# title[en]: Cancelling a task
# video: V6
#
# cancel() does not stop a task on the spot: it marks it. At its next step the
# task receives CancelledError at the exact await where it is suspended, and
# the exception climbs its stack like any other (finally blocks run).
import asyncio


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


async def download(name, seconds):
    try:
        # cue[fr]: C'est ici, sur cet await, que CancelledError arrivera.
        # cue[en]: This is the await where CancelledError will land.
        await asyncio.sleep(seconds)
        print(f"{clock()}   {name}: finished")
        return name
    finally:
        print(f"{clock()}   {name}: finally, closing the connection")


async def session(name, seconds):
    try:
        return await download(name, seconds)
    except asyncio.CancelledError:
        print(f"{clock()}   {name}: session cancelled, passing it on")
        raise


async def failing(seconds):
    await asyncio.sleep(seconds)
    raise ConnectionError("server went away")


async def main():
    print(f"{clock()} 1. cancel() a task suspended two awaits deep")
    task = asyncio.create_task(session("A", 10))
    await asyncio.sleep(1)
    # cue[fr]: cancel() marque seulement la tâche ; elle ne l'apprendra qu'à sa prochaine étape.
    # cue[en]: cancel() only marks the task; it will find out at its next step.
    print(f"{clock()} main: cancel() returns {task.cancel()}")
    try:
        await task
    except asyncio.CancelledError:
        print(f"{clock()} main: A is cancelled: {task.cancelled()}")

    print(f"{clock()} 2. wait_for() cancels what takes too long")
    try:
        await asyncio.wait_for(session("B", 10), timeout=2)
    except TimeoutError:
        print(f"{clock()} main: B timed out")

    print(f"{clock()} 3. shield() protects the inner task from the timeout")
    inner = asyncio.create_task(download("C", 3))
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=1)
    except TimeoutError:
        print(f"{clock()} main: gave up waiting, C still running: {not inner.done()}")
    result = await inner
    print(f"{clock()} main: C returned {result!r}")

    print(f"{clock()} 4. in a TaskGroup, one failure cancels the siblings")
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(session("D", 5))
            # cue[fr]: Cette tâche échoue : le groupe annule sa sœur, puis lève un ExceptionGroup.
            # cue[en]: This task fails: the group cancels its sibling, then raises an ExceptionGroup.
            group.create_task(failing(1))
    except ExceptionGroup as group_error:
        print(f"{clock()} main: the group raised {group_error!r}")


asyncio.run(main())
