def outer():
    factor = 0
    def inner(x):
        return x / factor
    return inner

outer()(1)
