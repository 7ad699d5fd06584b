# The is* predicates of str.
samples = ["abc", "ABC", "Abc Def", "abc123", "123", "²", "½", "٣", "", " \t\n", "a b", "_id1", "1id", "é", "Été", "\x7f", "AB1", "1"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
