"""The engine's exception tree: one base, a few precise subclasses."""

from __future__ import annotations


class ClaimcheckError(Exception):
    """Base class of every error the engine raises on purpose."""


class InputError(ClaimcheckError):
    """The article or an option is unusable; `field` names the culprit."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(f"{field}: {detail}")
        self.field = field
        self.detail = detail


class ReferenceTableError(ClaimcheckError):
    """A reference table file is invalid; names the file, the record and the field."""

    def __init__(self, file: str, record: str | None, field: str | None, detail: str) -> None:
        where = file + (f", record {record}" if record else "") + (f", field {field}" if field else "")
        super().__init__(f"{where}: {detail}")
        self.file = file
        self.record = record
        self.field = field
        self.detail = detail
