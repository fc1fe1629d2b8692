"""Everything a preview remembers between rebuilds, in one object.

``mkdocs serve`` loads the hook modules once and reloads ``mkdocs.yml`` for each rebuild, so the preview
hook keeps one :class:`Preview` for its whole life. Nothing else in the kit keeps state between builds:
loaders and page-making reuse work only through the :class:`~lgds.core.reuse.Memory` handed to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lgds.core.reuse import Memory
from lgds.preview.theme import TemplateCache, ThemeListing
from lgds.preview.tracker import Fingerprints, Tracker


@dataclass
class Preview:
    memory: Memory = field(default_factory=Memory)
    """Parsed files, checked models and made pages, reused while their inputs are the same objects."""
    tracker: Tracker = field(default_factory=Tracker)
    """What each page was built from last time, to tell MkDocs which pages an edit changed."""
    prints: Fingerprints = field(default_factory=Fingerprints)
    """Each page's fingerprint, reused while its content is the very same object."""
    written: dict[str, str] = field(default_factory=dict)
    """Where each page was written, so a page whose file is deleted is taken out of the preview."""
    rebuilt: set[str] = field(default_factory=set)
    """The addresses of the pages this rebuild writes again, for the search index."""
    templates: TemplateCache = field(default_factory=TemplateCache)
    theme: ThemeListing = field(default_factory=ThemeListing)
    whole_builds_only: bool = False
    """True for a plain ``mkdocs build``, which writes every page once and needs none of this."""
