# upper/lower/capitalize/title/swapcase/casefold, including non-ASCII text.
for s in ["hello World", "ÉCOLE été", "straße", "they're bill's friends", "ǆungla", "123abc ABC", ""]:
    print(repr(s.upper()), repr(s.lower()), repr(s.capitalize()), repr(s.title()), repr(s.swapcase()), repr(s.casefold()))
