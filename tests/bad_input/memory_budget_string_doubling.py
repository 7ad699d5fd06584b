# A string that doubles without end hits the memory budget: MemoryError.
# asyncscope-options: --max-memory 10000000
# expect-exit: 1
# expect-stderr-last: MemoryError
text = "x"
while True:
    text = text + text
