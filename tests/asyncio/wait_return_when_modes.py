# asyncio.wait(): ALL_COMPLETED, FIRST_COMPLETED and FIRST_EXCEPTION decide
# when it returns (done, pending); timeout returns early without cancelling;
# coroutines are refused; an empty set is an error.
import asyncio


async def job(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    loop = asyncio.get_running_loop()
    mk = lambda: [asyncio.create_task(job(n, d, f), name=n)
                  for n, d, f in (("a", 1, False), ("b", 2, True), ("c", 3, False))]
    for mode in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
        start = loop.time()
        done, pending = await asyncio.wait(mk(), return_when=mode)
        print(mode, names(done), names(pending), loop.time() - start)
        if pending:
            await asyncio.wait(pending)
        for t in done | pending:
            t.exception()
    ts = mk()
    done, pending = await asyncio.wait(ts, timeout=1.5)
    print("timeout", names(done), names(pending), [t.cancelled() for t in pending])
    await asyncio.wait(pending)
    ts[1].exception()
    c = job("coro", 1)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError:", e)
    c.close()
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        await asyncio.wait(ts, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
