class B:
    def __bool__(self):
        return "yes"

flag = not B()
