"""The pure claim-checking pipeline: normalise, find mentions, extract claims, verify.

Public entry points: `Article`, `CheckOptions`, `load_table`, `check`; `engine_build()` says whether the modules
compiled at install time run or their sources (see `native`).
"""

from workers.pipeline.native import use_fresh_build as engine_build

engine_build()  # chooses the build before any engine module is imported

from workers.pipeline.api import Article, CheckOptions, check, load_table  # noqa: E402
from workers.pipeline.errors import ClaimcheckError, InputError, ReferenceTableError  # noqa: E402

__all__ = [
    "Article",
    "CheckOptions",
    "ClaimcheckError",
    "InputError",
    "ReferenceTableError",
    "check",
    "engine_build",
    "load_table",
]
