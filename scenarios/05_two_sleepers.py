# title[fr]: Deux tâches qui dorment
# title[en]: Two sleeping tasks
# video: V2
#
# The smallest complete example: one event loop, two tasks that sleep.
import asyncio


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


async def sleeper(name, delay):
    print(f"{clock()} {name} goes to sleep for {delay} s")
    # cue[fr]: La tâche se suspend : elle quitte le CPU et attend son timer.
    # cue[en]: The task suspends: it leaves the CPU and waits for its timer.
    await asyncio.sleep(delay)
    print(f"{clock()} {name} woke up")
    return name


async def main():
    # cue[fr]: Créer une tâche ne la lance pas : elle rejoint la file des tâches prêtes.
    # cue[en]: Creating a task does not run it: it joins the ready queue.
    slow = asyncio.create_task(sleeper("slow", 2))
    fast = asyncio.create_task(sleeper("fast", 1))
    print(f"{clock()} main: two tasks created, none has run yet")
    # cue[fr]: main attend les deux tâches ; la boucle peut enfin les exécuter.
    # cue[en]: main waits for both tasks; at last the loop can run them.
    names = await asyncio.gather(slow, fast)
    print(f"{clock()} main: both done {names}, in 2 s rather than 3")


asyncio.run(main())
