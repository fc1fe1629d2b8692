"""This copy's own settings, from ``site.yml``: the file a regional fork edits."""

from __future__ import annotations

from pydantic import Field, PrivateAttr, field_validator

from lgds.core.fields import BranchName, Email, Located, PlainText, Slug, WebLink

EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
"""Domains kept for examples (RFC 2606), like the names ending in the reserved .example, .test and
.invalid: an address there never reaches anyone, so the site says it is an example."""

EXAMPLE_ENDINGS = (".example", ".test", ".invalid", ".localhost")


class Settings(Located):
    """Settings a fork changes without touching anything upstream changes."""

    group: Slug | None = Field(
        None, description="The peer group this site centres on; leave empty for the national site."
    )
    site_name: PlainText | None = Field(
        None,
        description="Replaces the site's name, e.g. for a regional fork.",
        examples=["Midlands peer group"],
    )
    organisation: PlainText | None = Field(
        None,
        description=(
            "Who runs this copy of the site: the organisation or group readers can hold to account, named "
            "in the footer, the about page and the accessibility statement."
        ),
        examples=["The Midlands peer group's organisers"],
    )
    organisation_url: WebLink | None = Field(
        None,
        description="A web page about that organisation, linked from its name.",
        examples=["https://www.example.org/about-us"],
    )
    contact_email: Email | None = Field(
        None,
        description=(
            "An email address that reaches the people who run the site, for questions, corrections and "
            "accessibility problems. Use a shared inbox, not a person's own address."
        ),
        examples=["digital-peer-group@example.org"],
    )
    repo_url: WebLink | None = Field(None, description="Your fork's repository, for 'edit this page' links.")
    branch: BranchName = Field(
        "main",
        description=(
            "The branch that 'edit this page' links open: letters, digits and the characters . _ - /, "
            "like main or regional/midlands."
        ),
    )
    example_data: bool = Field(
        True,
        description=(
            "Publish the kit's example data: made-up sign-ups, events, rounds, pack variants, group "
            "contacts and peer reviews. A fork sets this to false before it publishes, instead of deleting "
            "the files."
        ),
    )
    example_notice: bool = Field(True, description="Say plainly wherever example data is shown.")
    site_url: WebLink | None = Field(
        None,
        description=(
            "The web address the site is published at, starting with https://, so the sitemap, feeds and "
            "calendars can link to its pages."
        ),
        examples=["https://your-account.github.io/your-copy/"],
    )

    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of a setting in site.yml, for messages about its value; 0 when it is not there."""
        return self._lines.get(name, 0)

    @field_validator(
        "group",
        "site_name",
        "organisation",
        "organisation_url",
        "contact_email",
        "repo_url",
        "site_url",
        mode="before",
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        """`repo_url: ""` means the same as `repo_url:` with nothing after it: not set."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("site_url")
    @classmethod
    def _site_root(cls, value: str | None) -> str | None:
        """End the address with one slash, as MkDocs wants and as page paths are joined onto it."""
        if value is None:
            return None
        if "?" in value or "#" in value:
            raise ValueError("a site's address cannot have a part after ? or #")
        return value.rstrip("/") + "/"

    @property
    def contact_is_example(self) -> bool:
        """The contact address is at a domain kept for examples, so it reaches nobody."""
        if not self.contact_email:
            return False
        domain = self.contact_email.rsplit("@", 1)[-1].lower().rstrip(".")
        return domain.endswith(EXAMPLE_ENDINGS) or any(
            domain == d or domain.endswith("." + d) for d in EXAMPLE_DOMAINS
        )

    def address(self, path: str) -> str:
        """A page or file's link in full when the site's address is known, so it works outside the site."""
        return f"{self.site_url}{path}" if self.site_url else path
