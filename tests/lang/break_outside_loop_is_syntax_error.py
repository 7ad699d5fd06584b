print("never printed")
for i in range(3):
    pass
break
