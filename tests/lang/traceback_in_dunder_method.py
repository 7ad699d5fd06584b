class Money:
    def __init__(self, amount):
        self.amount = amount
    def __add__(self, other):
        return Money(self.amount + other.amount)

wallet = Money(5) + Money(6)
print(wallet.amount)
total = wallet + 3
