"""Councils and sign-ups: the register, one file per sign-up, the council pages, coverage, open data
and ``lgds import-signups``.
"""
