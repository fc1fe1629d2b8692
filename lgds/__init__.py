"""The Local Government Digital Service Standard kit: load, validate and build its content.

Nothing in this package imports MkDocs; the thin hooks in ``hooks/`` plug it into a build.
"""

__version__ = "0.1.0"
