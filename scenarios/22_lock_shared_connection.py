# title[fr]: Un verrou pour une connexion partagée
# title[en]: A lock for a shared connection
# video: V7
#
# Three sessions share one connection (think of one ssh link). A command is
# two exchanges (send, then read the reply); if two sessions interleave them,
# replies go to the wrong session. An asyncio.Lock makes each command whole:
# the other sessions queue up, first come, first served.
import asyncio


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


class Connection:
    """One link, one command at a time: the reply is for the last command sent."""

    def __init__(self):
        self.last_command = None

    async def send(self, command):
        self.last_command = command
        await asyncio.sleep(0.5)

    async def receive(self):
        await asyncio.sleep(0.5)
        return f"output of {self.last_command}"


async def session(name, command, connection, lock):
    if lock is None:
        # cue[fr]: Sans verrou, les trois sessions envoient avant que quiconque ait lu sa réponse.
        # cue[en]: Without a lock, all three sessions send before anyone has read a reply.
        await connection.send(command)
        reply = await connection.receive()
    else:
        print(f"{clock()} {name} wants the connection")
        # cue[fr]: Si le verrou est pris, la session attend dans la file du verrou.
        # cue[en]: If the lock is taken, the session waits in the lock's queue.
        async with lock:
            print(f"{clock()} {name} has the connection")
            await connection.send(command)
            reply = await connection.receive()
    ok = "ok" if reply == f"output of {command}" else "WRONG REPLY"
    print(f"{clock()} {name} ran {command!r}, got {reply!r}: {ok}")


async def main():
    commands = [("s1", "uptime"), ("s2", "ls"), ("s3", "whoami")]
    print(f"{clock()} without a lock:")
    connection = Connection()
    await asyncio.gather(*(session(n, c, connection, None) for n, c in commands))

    print(f"{clock()} with a lock:")
    connection, lock = Connection(), asyncio.Lock()
    await asyncio.gather(*(session(n, c, connection, lock) for n, c in commands))


asyncio.run(main())
