class L:
    def __len__(self):
        return -1

while L():
    pass
