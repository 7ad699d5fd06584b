a = 10
b = "text"
result = (a * 2) + (b * 2)
