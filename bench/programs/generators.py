# Generators: a pipeline of generators, yield from, and generator
# expressions (each generator runs on its own stack in asyncscope).
def numbers(limit):
    n = 0
    while n < limit:
        yield n
        n += 1


def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n


def squares(source):
    yield from (n * n for n in source)


print(sum(squares(evens(numbers(8000000)))))
print(max(x % 1000 for x in range(1, 4000000)))
