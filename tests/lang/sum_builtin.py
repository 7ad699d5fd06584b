# sum() adds from start, left to right, with CPython's refusals for strings and bytes.
print(sum([1, 2, 3]), sum([1, 2.5]), sum([0.1] * 10), sum(range(10), 100), sum([[1], [2]], []), sum([], start=5))
print(sum([2 ** 62, 2 ** 62, 2 ** 62]), sum([1.5, 2, True]), sum(((1, 2), (3,)), ()))
for f in (lambda: sum(["a"], ""), lambda: sum([b"a"], b""), lambda: sum(5), lambda: sum(), lambda: sum([1, "a"])):
    try:
        print(f())
    except TypeError as e:
        print(e)
