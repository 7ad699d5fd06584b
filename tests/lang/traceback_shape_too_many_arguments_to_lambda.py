double = lambda x: x * 2
print(double(1, 2))
