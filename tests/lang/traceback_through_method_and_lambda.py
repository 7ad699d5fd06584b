class Calculator:
    def __init__(self):
        self.ops = {"div": lambda a, b: a / b}

    def run(self, op, a, b):
        return self.ops[op](a, b)

calc = Calculator()
print(calc.run("div", 6, 3))
calc.run("div", 1, 0)
