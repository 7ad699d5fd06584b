def f(*args):
    return sum(args)

f(1, 2, 3, "four", 5)
