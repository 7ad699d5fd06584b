# A yield-from chain deeper than the limit raises RecursionError.
def chain(n):
    yield from chain(n + 1)


for value in chain(0):
    print(value)
