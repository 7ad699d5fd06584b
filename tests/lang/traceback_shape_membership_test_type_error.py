x = 1
print(x in 5)
