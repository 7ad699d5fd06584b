# title[fr]: Le trajet d'une exception
# title[en]: How an exception travels
# video: V6
#
# An exception raised at the bottom of an await chain climbs it frame by frame
# (each finally block runs on the way), lands in the Task, and reaches whoever
# awaits that task. Nobody awaits the last one: asyncio reports it.
import asyncio


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


async def decode(raw):
    await asyncio.sleep(0.5)
    # cue[fr]: L'exception naît tout en bas de la pile d'appels.
    # cue[en]: The exception is born at the very bottom of the stack.
    raise ValueError(f"cannot decode {raw!r}")


async def parse(raw):
    try:
        return await decode(raw)
    finally:
        # cue[fr]: En remontant, l'exception exécute chaque bloc finally.
        # cue[en]: On its way up, the exception runs every finally block.
        print(f"{clock()}   parse: finally, cleaning up")


async def load(raw):
    try:
        return await parse(raw)
    finally:
        print(f"{clock()}   load: finally, cleaning up")


async def main():
    print(f"{clock()} 1. awaiting a task that fails")
    task = asyncio.create_task(load("page 1"))
    try:
        # cue[fr]: La tâche a échoué : l'exception passe à celui qui l'attend.
        # cue[en]: The task failed: the exception moves on to whoever awaits it.
        await task
    except ValueError as exc:
        print(f"{clock()} main caught {exc!r}; task.done() is {task.done()}")

    print(f"{clock()} 2. gather: the first exception reaches main")
    try:
        await asyncio.gather(load("page 2"), asyncio.sleep(1, result="slept"))
    except ValueError as exc:
        print(f"{clock()} main caught {exc!r}")

    print(f"{clock()} 3. a task that fails while nobody is waiting for it")
    # cue[fr]: Personne n'attend cette tâche : son exception ne sera jamais lue.
    # cue[en]: Nobody awaits this task: its exception will never be read.
    asyncio.create_task(load("page 3"))
    await asyncio.sleep(1)
    print(f"{clock()} main: done")


asyncio.run(main())
