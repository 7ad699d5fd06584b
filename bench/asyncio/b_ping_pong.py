# Benchmark (b): two tasks hand the loop to each other 200,000 times through
# sleep(0). Each side checks that it is its turn before it plays: a sleep(0)
# that did not hand over to the other task would show up as a fault.
import asyncio

ROUNDS = 200_000

turn = "ping"
faults = 0
played = {"ping": 0, "pong": 0}


async def player(me, other):
    global turn, faults
    for _ in range(ROUNDS):
        if turn != me:
            faults += 1
        turn = other
        played[me] += 1
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.gather(player("ping", "pong"), player("pong", "ping"))
    print(f"played {played['ping']} + {played['pong']}, faults {faults}")
    print(f"virtual time {loop.time():.3f}")


asyncio.run(main())
