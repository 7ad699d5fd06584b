class B:
    def __bool__(self):
        return "yes"

class L:
    def __lt__(self, o):
        return B()

while L() < 1:
    pass
