# repr() of a list nested 100,000 deep raises RecursionError instead of
# overflowing the interpreter's own stack.
nested = []
for _ in range(100000):
    nested = [nested]
print(nested)
