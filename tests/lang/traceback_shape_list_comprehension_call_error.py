def f(x):
    return x.missing

vals = [f(v) for v in [1]]
