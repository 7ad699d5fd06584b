class Countdown:
    def __init__(self, start): self.start = start
    def __iter__(self):
        print("iter")
        return CountdownIter(self.start)

class CountdownIter:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1

print(list(Countdown(3)))
for x in Countdown(2):
    print(x)
a, b, c = Countdown(3)
print(a, b, c)
print(sum(Countdown(4)), max(Countdown(4)), 2 in Countdown(3))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
it = iter(Seq())
print(type(it).__name__, next(it), next(it))

class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 5: pass
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self): return self
try:
    for _ in NoNext(): pass
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)

class Contains:
    def __contains__(self, x):
        print("contains", x)
        return x == "yes"
print("yes" in Contains(), "no" not in Contains())
class ContainsTruthy:
    def __contains__(self, x): return [1]
print(1 in ContainsTruthy())
class IterOnly:
    def __iter__(self): return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
class NotIterableSet:
    __iter__ = None
try:
    iter(NotIterableSet())
except TypeError as e:
    print("TypeError:", e)
