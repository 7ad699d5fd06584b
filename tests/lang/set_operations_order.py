# Results of set operators keep CPython's element order (union, intersection, difference, symmetric difference).
a = set([1, 9, 17, 25, 33, 2, 10])
b = set([17, 33, 49, 65, 2, 100])
print(a | b, b | a)
print(a & b, b & a, a.intersection(b, {2, 17}))
print(a - b, b - a, a.difference(b, {10}))
print(a ^ b, b ^ a, a.symmetric_difference([1, 500, 9]))
print(a.union([77, 1], (88,)), frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
c = set(a); c |= {200}; c &= {1, 200, 9}; print(c)
c = set(a); c -= {1}; c ^= {9, 1000}; print(c)
c = set(range(30)); c -= set(range(0, 30, 2)); print(c)
c = set(range(30)); c.intersection_update(range(5, 50, 5)); print(c)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} == frozenset({1}), {1, 2}.issubset([1, 2, 3]),
      {1, 2, 3}.issuperset([1]), {1}.isdisjoint({2}), {1} != {1})
for f in (lambda: {1} | [2], lambda: {1} - [2], lambda: {1} < [1]):
    try:
        print(f())
    except TypeError as e:
        print(e)
