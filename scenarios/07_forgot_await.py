# title[fr]: L'await oublié
# title[en]: The forgotten await
# video: V2
#
# Calling a coroutine function does not run it: it only builds a coroutine
# object. Forget the await and nothing happens; when the object is thrown
# away, Python warns that the coroutine was never awaited.
import asyncio


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


async def save(record):
    print(f"{clock()}   saving {record}")
    await asyncio.sleep(1)
    print(f"{clock()}   {record} saved")


async def main():
    print(f"{clock()} with await:")
    await save("alice")

    print(f"{clock()} without await:")
    # cue[fr]: Sans await, save() fabrique un objet coroutine… et rien ne s'exécute.
    # cue[en]: Without await, save() builds a coroutine object… and nothing runs.
    save("bob")
    print(f"{clock()} main goes on; bob was never saved")

    pending = save("carol")
    print(f"{clock()} a coroutine object: {type(pending).__name__}")
    # cue[fr]: Dès que l'objet disparaît, Python prévient : jamais attendue.
    # cue[en]: As soon as the object goes away, Python warns: never awaited.
    del pending
    print(f"{clock()} main: done")


asyncio.run(main())
