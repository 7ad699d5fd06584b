class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        pass

with CM(), 5:
    pass
