# An endless loop typed in the editor: the window stops it and shows what ran.
import asyncio


async def spin():
    turns = 0
    while True:
        turns += 1
        await asyncio.sleep(0)


asyncio.run(spin())
