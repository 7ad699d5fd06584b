def compute(a, b, c):
    return a + b * c - (a / (b - b))

compute(1, 2, 3)
