"""How a kind of value is written: what the shared field types say when a value is not of their form."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic_core import PydanticCustomError


@dataclass(frozen=True)
class Form:
    """How a kind of value is written, so a message can say what was expected and show one to copy.

    ``noun`` names the kind in a few words ("a web address"), for saying what a value is not.

    ``fix``, when set, replaces the usual "write it like ..." advice; ``{name}`` in it is the field.
    """

    code: str
    noun: str
    expected: str
    example: str
    fix: str = ""

    def error(self, reason: str, suggestion: str = "") -> PydanticCustomError:
        """The error a validator raises: our own reason, with what to expect and what to write."""
        context = {"expected": self.expected, "example": self.example, "fix": self.fix}
        if suggestion:
            context["suggestion"] = suggestion
        return PydanticCustomError(self.code, reason.replace("{", "{{").replace("}", "}}"), context)
