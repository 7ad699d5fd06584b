def area(w, h):
    return w * h

def report():
    return area(3)

report()
