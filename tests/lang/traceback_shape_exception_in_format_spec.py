value = 5
width = "x"
print(f"{value:{width}}")
