"""Shared machinery every feature builds on: problems and their catalogue, located YAML, file
discovery, field types, validation messages, the routing of pages to URLs, and rendering.

Nothing in ``core`` imports a feature.
"""
