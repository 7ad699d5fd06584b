def deco(n):
    return lambda f: f

@deco(undefined_name)
def g():
    pass
