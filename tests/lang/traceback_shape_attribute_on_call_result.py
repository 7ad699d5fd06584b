def make():
    return None

make().value
