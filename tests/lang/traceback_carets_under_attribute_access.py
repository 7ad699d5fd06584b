class Node:
    def __init__(self):
        self.child = None

root = Node()
root.child = Node()
print(root.child.child.value)
