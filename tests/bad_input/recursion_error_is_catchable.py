# A RecursionError unwinds the whole stack: the program can catch it and go on.
def down(n):
    return down(n + 1)


for attempt in range(3):
    try:
        down(0)
    except RecursionError as error:
        print(attempt, type(error).__name__, error)


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


print(count(900))
