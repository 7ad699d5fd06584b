import asyncio

async def main():
    await asyncio.gather(
        worker(1),
        worker(2),

asyncio.run(main())
