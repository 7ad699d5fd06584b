def lookup(key):
    try:
        return {}[key]
    except KeyError:
        raise LookupError("no such key") from None

lookup("x")
