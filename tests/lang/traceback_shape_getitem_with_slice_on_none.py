data = None
print(data[1:2])
