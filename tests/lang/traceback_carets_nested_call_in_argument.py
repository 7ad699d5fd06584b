def parse(s):
    return int(s)

def total(a, b):
    return a + b

print(total(parse("1"), parse("x")))
