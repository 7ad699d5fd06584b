# A special method that calls itself through a builtin (repr -> __repr__ -> repr)
# raises RecursionError.
class Loop:
    def __repr__(self):
        return repr(self)


print(Loop())
