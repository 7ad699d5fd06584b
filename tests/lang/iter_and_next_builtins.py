# iter() with a sentinel, next() with a default, and StopIteration values.
count = 0
def tick():
    global count
    count += 1
    return count
print(list(iter(tick, 4)))
it = iter([1])
print(next(it), next(it, "done"), next(it, None))
def gen():
    yield 1
    return "result"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
for f in (lambda: next([]), lambda: iter(5), lambda: iter(5, 0), lambda: next(iter(()))):
    try:
        f()
    except (TypeError, StopIteration) as e:
        print(type(e).__name__, e)
class Counter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration("custom")
        return self.n
print(list(Counter()), next(Counter()))
c = Counter(); next(c); next(c)
try:
    next(c)
except StopIteration as e:
    print(e.args)
