class Point:
    def __init__(self, x):
        self.x = x
    @classmethod
    def origin(cls):
        return cls()

Point.origin()
