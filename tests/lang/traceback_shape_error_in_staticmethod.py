class Util:
    @staticmethod
    def parse(s):
        return int(s)

Util.parse("x")
