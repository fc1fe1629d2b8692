"""Typed models of the kit's content. Pure data: no file reading, no MkDocs.

Each model that a contributor writes by hand is also the source of its JSON Schema (``lgds schema``).
"""
