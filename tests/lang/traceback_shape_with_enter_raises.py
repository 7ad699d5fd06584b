class CM:
    def __enter__(self):
        raise ValueError("enter failed")
    def __exit__(self, *a):
        pass

with CM() as c:
    pass
