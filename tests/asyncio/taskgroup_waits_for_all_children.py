# TaskGroup: leaving the block waits for every child, including children
# created by children; results are read from the tasks afterwards; a group
# cannot be entered twice nor used after it finished.
import asyncio


async def child(tg, name, d, spawn=False):
    await asyncio.sleep(d)
    if spawn:
        tg.create_task(child(tg, name + ".kid", d))
    print(name, "done at", asyncio.get_running_loop().time())
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child(tg, "a", 1, spawn=True))
        b = tg.create_task(child(tg, "b", 0.5), name="bee")
        print("body ends at", asyncio.get_running_loop().time())
    print("group done at", asyncio.get_running_loop().time(), a.result(), b.result(), b.get_name())
    try:
        tg.create_task(child(tg, "late", 1))
    except RuntimeError as e:
        print("RuntimeError:", str(e).split(" is ")[1])
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError:", e.args[0].split(" has ")[1])
    g = asyncio.TaskGroup()
    try:
        g.create_task(child(g, "early", 1))
    except RuntimeError as e:
        print("RuntimeError:", e.args[0].split(" has ")[1])


asyncio.run(main())
