class B:
    def __bool__(self):
        return "yes"

class E:
    def __eq__(self, o):
        return B()

if E() == 1:
    pass
