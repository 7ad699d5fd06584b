# An integer of a billion bits (125 MB) is over a 10 MB budget: MemoryError.
# asyncscope-options: --max-memory 10000000
# expect-exit: 1
# expect-stderr-last: MemoryError
x = 2 ** (10 ** 9)
