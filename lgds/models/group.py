"""Regional peer groups, from ``peer-groups/<slug>/group.yml``."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from .common import Email, Located, PlainText, WebLink, YearMonth


class GroupStatus(StrEnum):
    ACTIVE = "active"
    FORMING = "forming"
    DORMANT = "dormant"


class Facilitator(BaseModel):
    """Someone who runs the group, named only because they agreed to be."""

    model_config = {"extra": "forbid"}

    name: PlainText
    organisation: PlainText


class GroupFile(Located):
    """What ``group.yml`` declares."""

    name: PlainText = Field(description="The group's name.", examples=["London peer group"])
    covers: list[str] = Field(
        min_length=1,
        description="English regions and nations the group covers, spelt as in the register.",
        examples=[["London"]],
    )
    status: GroupStatus = Field(description="active, forming or dormant.")
    started: YearMonth | None = Field(None, description="When it first met, YYYY-MM.")
    facilitators: list[Facilitator] = Field(
        default_factory=list, description="Only people who agree to be named."
    )
    contact: WebLink | Email | None = Field(None, description="A web address or email address.")
    join: WebLink | None = Field(None, description="Where to ask to join.")
    example_contact: bool = Field(
        False, description="True when the contact details are placeholders for illustration."
    )


class Group(BaseModel):
    """A group ready to publish: its file, its about text and its slug (the folder name)."""

    slug: str
    meta: GroupFile
    about: str = ""
    about_path: str = ""

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def url(self) -> str:
        return f"peer-groups/{self.slug}/"
