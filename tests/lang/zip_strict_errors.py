# zip(strict=True) reports which argument is shorter or longer.
for args in (([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2]), ([1, 2], [1, 2])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
try:
    zip([], bogus=True)
except TypeError as e:
    print(e)
