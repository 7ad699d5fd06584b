texte = "héllo"
résultat = texte + 5
