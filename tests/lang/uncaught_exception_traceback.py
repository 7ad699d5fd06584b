# An uncaught exception prints the traceback on stderr and exits with status 1;
# what was printed before it stays on stdout.
def inner(values):
    return values["missing"]


def outer():
    print("calling inner")
    return inner({"present": 1})


outer()
print("never printed")
