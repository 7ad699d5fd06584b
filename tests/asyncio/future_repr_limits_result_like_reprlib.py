# repr() of a Future: state, result shortened by reprlib (long strings,
# long lists, big dicts, big ints, nesting), the exception, and its done
# callbacks (two shown, then "<N more>" and the last); a future whose result
# is itself shows "...".
import asyncio


class Obj:
    def meth(self, f):
        pass

    def __repr__(self):
        return "Obj(" + "z" * 40 + ")"


def cb(f):
    pass


async def main():
    loop = asyncio.get_running_loop()
    values = ["x" * 50, list(range(20)), {i: str(i) for i in range(8)}, 10 ** 50, (1,), (),
              [[[[[[[[1]]]]]]]], Obj(), {3, 1, 2, 9, 8, 7, 6, 5}, frozenset({2, 1}), 1.5, True,
              "short", None, {"k": [1, 2, 3, 4, 5, 6, 7]}]
    for v in values:
        f = loop.create_future()
        f.set_result(v)
        print(f)
    f = loop.create_future()
    f.set_result(f)
    print(f)
    f = loop.create_future()
    print(f)
    f.add_done_callback(cb)
    print(f)
    f.add_done_callback(Obj().meth)
    print(f)
    f.add_done_callback(print)
    f.add_done_callback(lambda fut: None)
    print(f)
    f.set_exception(KeyError("k"))
    print(f)
    f.exception()
    g = loop.create_future()
    g.cancel("msg")
    print(g)
    await asyncio.sleep(0)


asyncio.run(main())
