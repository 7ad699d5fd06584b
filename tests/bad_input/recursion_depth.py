# Recursion deeper than the limit (1000 frames) raises RecursionError.
def down(n):
    return down(n + 1)


down(0)
