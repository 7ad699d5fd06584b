# An exception raised by __del__ is reported ("Exception ignored in: ...")
# and the program goes on.
# (CPython's report names an object by address, so only its last line is checked.)
# expect-exit: 0
# expect-stdout-regex: still running
# expect-stderr-last: ValueError: cleanup failed
class Resource:
    def __del__(self):
        raise ValueError("cleanup failed")

r = Resource()
del r
print("still running")
