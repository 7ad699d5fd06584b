def check(x):
    if x > 2:
        raise ValueError(f"too big: {x}")
    return x

print(sum(check(x) for x in range(5)))
