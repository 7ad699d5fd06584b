x = 1
def set_x(v):
    global x
    x = v
def read_x():
    return x
set_x(10)
print(x, read_x())

def make_global():
    global brand_new
    brand_new = "created"
make_global()
print(brand_new)

def shadow():
    x = "local"
    return x
print(shadow(), x)

def del_global():
    global x
    del x
del_global()
try:
    print(x)
except NameError as e:
    print("NameError:", e)

def global_in_nested():
    def inner():
        global counter
        counter = counter + 1 if "counter" in globals() else 1
    inner(); inner()
global_in_nested()
print(counter)
