def broken(f):
    return f.missing_attribute

@broken
def decorated():
    pass
