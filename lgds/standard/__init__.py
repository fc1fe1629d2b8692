"""The Standard: its 15 points, read from ``standard/``, and the pages at ``/standard/``."""
