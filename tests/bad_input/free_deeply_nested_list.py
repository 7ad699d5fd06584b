# Freeing a list nested 500,000 deep must not overflow the stack.
nested = []
for _ in range(500000):
    nested = [nested]
del nested
print("freed")
