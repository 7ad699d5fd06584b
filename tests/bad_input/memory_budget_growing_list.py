# A list that grows without end hits the memory budget: MemoryError.
# asyncscope-options: --max-memory 10000000
# expect-exit: 1
# expect-stderr-last: MemoryError
chunks = []
while True:
    chunks.append("x" * 1000)
