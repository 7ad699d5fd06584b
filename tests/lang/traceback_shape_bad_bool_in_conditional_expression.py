class B:
    def __bool__(self):
        return "yes"

x = 1 if B() else 2
