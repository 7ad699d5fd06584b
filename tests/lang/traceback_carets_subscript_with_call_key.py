def key():
    return "absent"

table = {"present": 1}
print(table[key()])
