# Function calls: naive recursive Fibonacci, plus calls with keyword
# arguments and defaults, and a method call per step.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def scaled(value, factor=2, *, offset=0):
    return value * factor + offset


class Counter:
    def __init__(self):
        self.total = 0

    def add(self, amount):
        self.total += amount
        return self


print(fib(35))
counter = Counter()
for i in range(1000000):
    counter.add(scaled(i, offset=1))
print(counter.total)
