ok = False
assert ok
