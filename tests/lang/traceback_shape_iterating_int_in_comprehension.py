n = 3
out = [i for i in n]
