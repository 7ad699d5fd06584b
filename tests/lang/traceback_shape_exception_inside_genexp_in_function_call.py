def convert(items):
    return list(int(x) for x in items)

convert(["1", "two"])
