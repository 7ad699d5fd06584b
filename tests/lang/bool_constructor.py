# bool() truth testing and its argument errors.
print(bool(), bool(0), bool(1), bool(""), bool("x"), bool([]), bool([0]), bool({}), bool(0.0), bool(None), bool(range(0)))
class Z:
    def __len__(self):
        return 0
class B:
    def __bool__(self):
        return True
print(bool(Z()), bool(B()), True + True, -True, ~False, True * 3, repr(True), str(False))
for c in (lambda: bool(x=1), lambda: bool(1, 2)):
    try:
        c()
    except TypeError as e:
        print(e)
