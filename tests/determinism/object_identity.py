# Sets and dicts of plain objects, ids, default hashes and default reprs:
# CPython derives them from addresses, which change from run to run; asyncscope
# derives them from creation order, so two runs print the same thing (and
# record the same trace).
import asyncio


class Node:
    pass


nodes = [Node() for _ in range(50)]
bag = set(nodes)
order = [nodes.index(n) for n in bag]
print(order)
print(len({id(n) for n in nodes}) == len(nodes))
print(sorted(hash(n) for n in nodes)[:3] == sorted(hash(n) for n in nodes)[:3])
print(repr(nodes[0]), hex(id(nodes[0])))


async def worker(i):
    await asyncio.sleep(i % 3)
    return i


async def main():
    tasks = {asyncio.create_task(worker(i)) for i in range(20)}
    done, pending = await asyncio.wait(tasks)
    print([t.get_name() for t in done])


asyncio.run(main())
