# title[fr]: CPU ou entrées-sorties : à quoi passe le temps ?
# title[en]: CPU-bound or I/O-bound: where does the time go?
# video: V1
#
# Two programs, one after the other. The first fetches three web pages, one
# after another: each fetch is a network round trip, simulated here by a
# blocking time.sleep(). The second counts prime numbers: pure computation.
import time

PAGES = [("python.org", 0.4), ("docs.python.org", 0.7), ("pypi.org", 0.3)]


def clock():
    return f"{time.monotonic():.1f}"


def fetch(url, latency):
    # cue[fr]: La requête est partie ; le programme attend le réseau. Le CPU n'a rien à faire.
    # cue[en]: The request is out; the program waits for the network. The CPU has nothing to do.
    time.sleep(latency)
    return f"<html>{url}</html>"


def count_primes(limit):
    found = 0
    for n in range(2, limit):
        # cue[fr]: Ici, pas d'attente : chaque tour de boucle occupe le CPU.
        # cue[en]: No waiting here: every turn of the loop keeps the CPU busy.
        if all(n % d for d in range(2, int(n ** 0.5) + 1)):
            found += 1
    return found


# cue[fr]: Premier programme : trois pages, l'une après l'autre.
# cue[en]: First program: three pages, one after the other.
print(f"{clock()} I/O-bound: fetching {len(PAGES)} pages one after another")
start = time.monotonic()
for url, latency in PAGES:
    page = fetch(url, latency)
    print(f"{clock()}   got {url} ({len(page)} bytes)")
print(f"{clock()}   {time.monotonic() - start:.1f} s elapsed, all of it spent waiting")

# cue[fr]: Second programme : du calcul pur. L'horloge ne mesure que l'attente : elle ne bouge pas.
# cue[en]: Second program: pure computation. The clock only measures waiting: it does not move.
print(f"{clock()} CPU-bound: counting primes below 60")
start = time.monotonic()
primes = count_primes(60)
print(f"{clock()}   {primes} primes, {time.monotonic() - start:.1f} s spent waiting: the CPU never rested")
