"""Text from content files, made safe to print in a build log that a publishing service reads.

GitHub Actions reads the log of every step for *workflow commands*: a line that starts, after any
spaces, with ``::`` (``::add-mask::``, ``::warning::``, ``::stop-commands::``), and ``##[`` anywhere in a
line. A file name or value that put a line break before such text would give orders to the service
that runs the publishing job, which holds the repository's secrets. So:

- :func:`escaped` shows a value on one line: line breaks and other control characters, and the
  characters that change the direction of text, are written as escapes (``\\n``, ``\\x1b``);
- :func:`defused` makes a whole message safe when it may hold values nobody escaped (MkDocs' own
  messages quote links and file names from pages): the kit's own line breaks stay, but no line starts
  with ``::`` and no ``##[`` is left;
- :class:`DefuseFilter` applies :func:`defused` to everything a logging handler writes.
"""

from __future__ import annotations

import logging
import re
import unicodedata

NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

DIRECTION = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that reorder the text around them, so a log line would not read as it is written."""

COMMAND_START = re.compile(r"^(\s*):", re.MULTILINE)
"""The start of a line that could be a workflow command (``::name::``) once spaces are trimmed."""

OLD_COMMAND = "##["
"""The older form of a workflow command, which the service finds anywhere in a line."""


def _shown(char: str) -> str:
    if char in NAMED:
        return NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _hidden(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in DIRECTION


def escaped(value: object) -> str:
    """``value`` on one line, with every control character, line break and direction mark escaped."""
    text = str(value)
    if text.isprintable() and OLD_COMMAND not in text:
        return text  # the usual case, checked in one pass
    text = "".join(_shown(c) if _hidden(c) else c for c in text)
    return text.replace(OLD_COMMAND, "#\\x23[")


def defused(message: str) -> str:
    """A message of one or more lines that no publishing service reads as a command.

    Line feeds are kept (messages from the kit and from MkDocs may have several lines); every other
    control character is escaped, a colon that starts a line (after any spaces) is written ``\\x3a``,
    and ``##[`` becomes ``#\\x23[``.
    """
    plain = "\n" not in message and message.isprintable() and OLD_COMMAND not in message
    if plain and not message.lstrip().startswith(":"):
        return message
    lines = [escaped(line) for line in message.split("\n")]
    return COMMAND_START.sub(r"\1\\x3a", "\n".join(lines))


class DefuseFilter(logging.Filter):
    """Rewrites each record a handler is given with :func:`defused`, so no value can become a command."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        safe = defused(message)
        if safe != message or record.args:
            record.msg, record.args = safe, None
        return True


def guard(logger: logging.Logger) -> None:
    """Put a :class:`DefuseFilter` on each of ``logger``'s handlers (once), and on the root's."""
    for handler in [*logger.handlers, *logging.getLogger().handlers]:
        if not any(isinstance(f, DefuseFilter) for f in handler.filters):
            handler.addFilter(DefuseFilter())
