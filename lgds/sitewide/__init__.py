"""What belongs to the whole site: its settings (``site.yml``), the home page's blocks, the error
reference, the accessibility statement's testing section, and ``lgds check`` and ``lgds schema``.
"""
