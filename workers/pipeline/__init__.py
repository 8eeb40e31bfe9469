"""The pure claim-checking pipeline: normalise, find mentions, extract claims, verify.

Public entry points: `Article`, `CheckOptions`, `load_table`, `check`.
"""

from workers.pipeline.api import Article, CheckOptions, check, load_table
from workers.pipeline.errors import ClaimcheckError, InputError, ReferenceTableError

__all__ = [
    "Article",
    "CheckOptions",
    "ClaimcheckError",
    "InputError",
    "ReferenceTableError",
    "check",
    "load_table",
]
