x = [i for i in range(3)]
[j := k for k in range(3) for j in range(2)]
