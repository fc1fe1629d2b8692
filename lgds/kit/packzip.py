"""Each pack's source files as a zip (``/franchise-kit/packs/<slug>.zip``) to take away and edit.

The archive is reproducible: entries sorted, every timestamp fixed (from ``SOURCE_DATE_EPOCH`` when
set, else 1 January 1980), fixed permissions and line endings as stored, so two builds of the same
content give byte-identical files.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime

from lgds.core import routes
from lgds.core.output import Output
from lgds.kit.models import Pack
from lgds.site import Site

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip can record; used when no build date is given."""


def build(site: Site) -> Iterator[Output]:
    for pack in site.packs.values():
        yield Output(routes.path("pack-zip", pack=pack), pack_zip(pack), source=f"{pack.folder}/pack.yml")


def timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ZIP_EPOCH
    moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    if moment.year < 1980:
        return ZIP_EPOCH
    return (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second - moment.second % 2,
    )


def pack_zip(pack: Pack) -> bytes:
    """The pack's files as the loader read them, as ``<slug>/...`` inside the zip, so it unpacks into
    one folder."""
    buffer = io.BytesIO()
    when = timestamp()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for rel in pack.files:
            info = zipfile.ZipInfo(f"{pack.slug}/{rel}", date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, pack.contents[rel], compresslevel=9)
    return buffer.getvalue()
