class Resource:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("closing resource")
        return False

def work():
    with Resource():
        value = int("not a number")
    return value

work()
