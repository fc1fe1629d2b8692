"""The franchise kit: session packs, rounds, groups' variants of packs, their pages, printable and zipped
forms, and ``lgds vary-pack``.
"""
