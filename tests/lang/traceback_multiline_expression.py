def f(a, b):
    return a / b

result = (
    f(1, 2)
    + f(3,
        0)
)
