class Temp:
    @property
    def value(self):
        return 1

del Temp().value
