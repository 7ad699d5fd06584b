# title[en]: Two sleeping tasks
import asyncio


async def sleeper(name: str, delay: float) -> str:
    # cue[en]: The task suspends and waits for its timer.
    await asyncio.sleep(delay)
    print(f"{name} woke up after {delay:.2f}s")
    return name


async def main():
    first = asyncio.create_task(sleeper("a", 0.2))
    second = asyncio.create_task(sleeper("b", 0.1))
    done = await asyncio.gather(first, second, return_exceptions=True)
    print(*done, sep=", ")


if __name__ == "__main__":
    asyncio.run(main())
