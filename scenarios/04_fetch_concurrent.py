# title[fr]: Aller chercher les pages en même temps
# title[en]: Fetching the pages concurrently
# video: V1
#
# The same three pages as in 01, now fetched by coroutines on a single thread.
# First one after the other (each await finishes before the next starts), then
# all together with asyncio.gather(): the waits overlap.
import asyncio

PAGES = [("python.org", 0.4), ("docs.python.org", 0.7), ("pypi.org", 0.3)]


def clock():
    return f"{asyncio.get_running_loop().time():.1f}"


async def fetch(url, latency):
    print(f"{clock()}   {url}: request sent")
    # cue[fr]: await : la coroutine rend la main à la boucle, qui fait avancer les autres.
    # cue[en]: await: the coroutine hands control back to the loop, which runs the others.
    await asyncio.sleep(latency)
    print(f"{clock()}   {url}: page received")
    return f"<html>{url}</html>"


async def one_after_another():
    start = asyncio.get_running_loop().time()
    for url, latency in PAGES:
        # cue[fr]: Attendre chaque page avant de demander la suivante : les attentes s'additionnent.
        # cue[en]: Waiting for each page before asking for the next: the waits add up.
        await fetch(url, latency)
    return asyncio.get_running_loop().time() - start


async def all_together():
    start = asyncio.get_running_loop().time()
    # cue[fr]: gather() crée une tâche par page : les trois requêtes partent tout de suite.
    # cue[en]: gather() wraps each page in a task: all three requests go out at once.
    pages = await asyncio.gather(*(fetch(url, latency) for url, latency in PAGES))
    print(f"{clock()}   {len(pages)} pages, in the order they were asked for")
    return asyncio.get_running_loop().time() - start


async def main():
    print(f"{clock()} one after another")
    sequential = await one_after_another()
    print(f"{clock()} took {sequential:.1f} s: the sum of the waits")
    print(f"{clock()} all together")
    concurrent = await all_together()
    print(f"{clock()} took {concurrent:.1f} s: the longest wait")


asyncio.run(main())
