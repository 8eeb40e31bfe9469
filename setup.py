"""Build hook: compile the claim engine (`workers/pipeline/native.py` lists its modules) with mypyc.

`CLAIMCHECK_COMPILE=0` installs it as plain Python. A machine without a C compiler gets the plain Python engine
too: the extension is optional, and the engine runs its sources whenever no fresh compiled build sits beside them.
"""

import importlib.util
import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def _native():
    spec = importlib.util.spec_from_file_location("_claimcheck_native", HERE / "workers" / "pipeline" / "native.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _extensions() -> list:
    if os.environ.get("CLAIMCHECK_COMPILE", "1").strip().lower() in ("0", "false", "no"):
        return []
    from mypyc.build import mypycify

    native = _native()
    folder = HERE / "workers" / "pipeline"
    extensions = mypycify([str(folder.relative_to(HERE) / f"{name}.py") for name in native.COMPILED],
                          group_name=native.GROUP, opt_level="3")
    for extension in extensions:
        extension.optional = True  # no compiler: a warning, and the sources run
    return extensions


class BuildExt(build_ext):
    """Records the sources' digest beside the build once its shared library is built, never before: a build that
    fails (an optional extension only warns) leaves the last digest, which no longer matches, so the sources run."""

    def build_extension(self, ext) -> None:
        super().build_extension(ext)
        if ext.name.endswith("__mypyc"):  # the group's shared library, which holds every compiled module
            native = _native()
            native.write_manifest(HERE / "workers" / "pipeline")
            if not self.inplace:  # a wheel: build_py copied the sources (and an old digest) before this ran
                native.write_manifest(Path(self.build_lib) / "workers" / "pipeline")


setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildExt})
