# A suspended generator that yields again when closed on being dropped:
# CPython reports "generator ignored GeneratorExit" as unraisable and goes on.
# (CPython's report names an object by address, so only its last line is checked.)
# expect-exit: 0
# expect-stdout-regex: still running
# expect-stderr-last: RuntimeError: generator ignored GeneratorExit
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

g = stubborn()
next(g)
del g
print("still running")
