print("bom")
x = 1 +
