x = 1
y = "s"
total = (x +
         y)
