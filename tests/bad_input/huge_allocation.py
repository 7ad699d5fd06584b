# An allocation far beyond the memory budget raises MemoryError.
x = [0] * 10**12
