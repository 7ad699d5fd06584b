# set mutation methods and their errors.
s = {1, 2, 3}
s.add(4); s.discard(10); s.remove(1); print(s)
print(s.pop(), s.pop(), s)
s.update([7, 8], (9,)); print(s, len(s), 7 in s, {1} in {frozenset({1})})
c = s.copy(); c.clear(); print(c, s)
for f in (lambda: s.remove(99), lambda: set().pop(), lambda: s.add([]), lambda: {[1]}, lambda: set(1), lambda: set([], [])):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
t = {1, 2, 3}
t.remove(frozenset() if False else 2)
print(t, set(), frozenset(), repr(set()), set([frozenset([1])]))
