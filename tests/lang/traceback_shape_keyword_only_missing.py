def connect(host, *, port):
    pass

connect("localhost")
