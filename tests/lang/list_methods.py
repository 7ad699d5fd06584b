# list methods and their error messages.
a = [3, 1, 2]
a.append(4); a.extend([5, 6]); a.extend(range(2)); a.insert(0, "x"); a.insert(-1, "y"); a.insert(100, "z")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(2), a.index(5, 2), a.count(0), [1, 1, 2].count(1))
b = a.copy(); b.reverse(); print(b, a)
b.clear(); print(b)
a += [7]; a *= 2; print(a, len(a))
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [[]] * 2)
l = [1, 2, 3]; l.extend(l); print(l)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1] != [1])
print(list(), list("abc"), list((1, 2)), list({"k": 1}), list(range(3)))
for c in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(5), lambda: [1].index(1, 1),
          lambda: [] + (), lambda: [1][5], lambda: [1][str("a")], lambda: [].append(), lambda: [].insert(1), lambda: [1] * "a"):
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
