# title[fr]: Une mini-boucle d'événements, sans asyncio
# title[en]: A tiny event loop, without asyncio
# video: V4b
#
# A hand-written event loop over plain generators. A task yields a request
# ("wake me in 2 s") up to the loop; the loop sends the answer back down with
# send(). When the generator returns, StopIteration carries its result.
# This is, in miniature, what asyncio does with coroutines.


def sleep(delay):
    # cue[fr]: yield fait remonter la demande jusqu'à la boucle ; send() y répondra.
    # cue[en]: yield carries the request up to the loop; send() will answer it.
    woke_at = yield ("sleep", delay)
    return woke_at


def task(name, delays):
    total = 0
    for delay in delays:
        # cue[fr]: yield from délègue : la demande de sleep() traverse ce cadre sans s'arrêter.
        # cue[en]: yield from delegates: sleep()'s request passes through this frame untouched.
        now = yield from sleep(delay)
        total += delay
        print(f"{now:.1f} {name} woke up after {delay} s")
    return f"{name} slept {total} s"


def run(tasks):
    clock = 0.0
    ready = [(task, None) for task in tasks]
    timers = []
    while ready or timers:
        if not ready:
            # cue[fr]: Plus rien de prêt : l'horloge saute au premier réveil.
            # cue[en]: Nothing is ready: the clock jumps to the earliest wake-up.
            timers.sort(key=lambda timer: timer[0])
            clock, sleeping = timers.pop(0)
            ready.append((sleeping, clock))
            continue
        current, answer = ready.pop(0)
        try:
            # cue[fr]: La boucle relance la tâche et lui transmet la réponse.
            # cue[en]: The loop resumes the task and hands it the answer.
            kind, delay = current.send(answer)
        except StopIteration as done:
            print(f"{clock:.1f} loop: {done.value}")
        else:
            timers.append((clock + delay, current))


run([task("A", [2, 1]), task("B", [1, 1, 3])])
