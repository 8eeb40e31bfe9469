"""Which build of the engine runs: its modules as compiled by mypyc at install time, or their Python sources.

`setup.py` compiles `COMPILED` into one extension group and records the digest of the package's sources in
`MANIFEST` (the compiled modules rely on the types of the ones they import, compiled or not). Importing
`workers.pipeline` calls `use_fresh_build()`: the compiled modules run only when that digest matches the sources
beside them, so an edited checkout runs what it reads, never a stale build. It is all or nothing, since
compiled modules call one another natively. `CLAIMCHECK_ENGINE=source` runs the sources regardless.

Standard library only: `setup.py` loads this file by path, before anything is installed.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
PACKAGE = "workers.pipeline"
COMPILED = ("api", "claims", "dates", "english", "errors", "lexicon", "mentions", "model", "money", "normalize",
            "segment", "verify")
GROUP = f"{PACKAGE}._native"  # the compiled group's shared library: workers/pipeline/_native__mypyc*.so
MANIFEST = HERE / "_native.sha256"
ENGINE_VARIABLE = "CLAIMCHECK_ENGINE"


def sources_digest(folder: Path = HERE) -> str:
    """sha256 over the package's sources (every .py file in it), by name."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def write_manifest(folder: Path = HERE) -> None:
    """Record the digest of the sources being compiled (called by setup.py)."""
    (folder / MANIFEST.name).write_text(sources_digest(folder) + "\n")


def _built(folder: Path = HERE) -> bool:
    """Is there a compiled module for every name in COMPILED?"""
    suffixes = importlib.machinery.EXTENSION_SUFFIXES
    return all(any((folder / f"{name}{suffix}").exists() for suffix in suffixes) for name in COMPILED)


class _SourcesFirst(importlib.abc.MetaPathFinder):
    """Import the engine's modules from their .py files even where a compiled module sits beside them."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        """A source spec for the compiled modules' names; None (the usual search) for every other name."""
        package, _, name = fullname.rpartition(".")
        if package != PACKAGE or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, HERE / f"{name}.py")


_BUILD: str | None = None


def use_fresh_build() -> str:
    """The build in use, chosen once, before any engine module is imported: "compiled" (mypyc), or "source" with
    the reason a compiled one is passed over."""
    global _BUILD
    if _BUILD is not None:
        return _BUILD
    if not _built():
        _BUILD = "source"
    elif os.environ.get(ENGINE_VARIABLE, "").strip().lower() == "source":
        _BUILD = f"source ({ENGINE_VARIABLE}=source)"
    elif not MANIFEST.exists() or MANIFEST.read_text().strip() != sources_digest():
        _BUILD = "source (the compiled modules are older than the sources: reinstall to rebuild them)"
    else:
        _BUILD = "compiled"
    if _BUILD != "compiled":
        sys.meta_path.insert(0, _SourcesFirst())
    return _BUILD
