"""This copy's own settings, from ``site.yml``: the file a regional fork edits."""

from __future__ import annotations

from pydantic import Field

from .common import Located, Slug, WebLink


class Settings(Located):
    """Settings a fork changes without touching anything upstream changes."""

    group: Slug | None = Field(
        None, description="The peer group this site centres on; leave empty for the national site."
    )
    site_name: str | None = Field(None, description="Replaces the site's name, e.g. for a regional fork.")
    repo_url: WebLink | None = Field(None, description="Your fork's repository, for 'edit this page' links.")
    branch: str = Field("main", description="The branch that 'edit this page' links open.")
    example_notice: bool = Field(True, description="Say plainly wherever example data is shown.")
