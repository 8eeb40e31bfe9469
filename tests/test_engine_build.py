"""The engine's two builds: the modules mypyc compiles at install time, and their Python sources.

The compiled build runs only while it matches the sources; both give the same results on every labelled set.
"""

from __future__ import annotations

import datetime as dt
import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from workers.pipeline import Article, check, engine_build, load_table, native

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

# Every labelled set with its own table, checked in a child process; prints one JSON line of results.
CHECK_ALL = """
import datetime as dt, json, sys
from pathlib import Path
from workers.pipeline import Article, check, engine_build, load_table
out = {"build": engine_build(), "results": {}}
for folder in sys.argv[1:]:
    folder = Path(folder)
    table = load_table(folder / "reference") if (folder / "reference").is_dir() else load_table()
    for gold in sorted((folder / "dev" / "gold").glob("*.json")):
        g = json.loads(gold.read_text())
        text = (folder / "dev" / "articles" / g["article"]).read_text(encoding="utf-8")
        result = check(Article(text=text, published_at=dt.date.fromisoformat(g["published"])), table)
        out["results"][str(gold)] = result["claims"]
print(json.dumps(out))
"""


def _labelled_sets() -> list[str]:
    return sorted(str(d) for d in DATA.iterdir() if (d / "dev" / "gold").is_dir())


def _run(code: str, *args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(cwd), **env}, check=False)


def test_the_build_in_use_is_the_one_beside_the_sources() -> None:
    """The build `engine_build()` reports is the one loaded: every engine module compiled, or every one from its
    source (the stale and the required cases are the tests below)."""
    loaders = {type(sys.modules[f"{native.PACKAGE}.{name}"].__loader__) for name in native.COMPILED}
    if engine_build() == "compiled":
        assert loaders == {importlib.machinery.ExtensionFileLoader}
    else:
        assert engine_build().startswith("source")
        assert loaders == {importlib.machinery.SourceFileLoader}


def test_ci_runs_the_compiled_engine() -> None:
    """Where the build is required (`make test` sets CLAIMCHECK_REQUIRE_COMPILED), it is the compiled one: what the
    benchmarks measure and what production runs."""
    required = os.environ.get("CLAIMCHECK_REQUIRE_COMPILED", "") == "1"
    assert engine_build() == "compiled" or not required, engine_build()


def test_both_builds_give_the_same_results_on_every_labelled_set() -> None:
    """The sources (CLAIMCHECK_ENGINE=source, in a child process) find the same claims, with the same verdicts and
    explanations, as the build this process runs, over all the labelled sets."""
    sets = _labelled_sets()
    assert len(sets) >= 10
    child = _run(CHECK_ALL, *sets, CLAIMCHECK_ENGINE="source")
    assert child.returncode == 0, child.stderr[-2000:]
    source = json.loads(child.stdout)
    assert source["build"].startswith("source")
    assert source["results"]
    for gold_file, claims in source["results"].items():
        gold = json.loads(Path(gold_file).read_text())
        folder = Path(gold_file).parents[2]
        table = load_table(folder / "reference") if (folder / "reference").is_dir() else load_table()
        text = (folder / "dev" / "articles" / gold["article"]).read_text(encoding="utf-8")
        here = check(Article(text=text, published_at=dt.date.fromisoformat(gold["published"])), table)
        assert json.loads(json.dumps(here["claims"])) == claims, gold_file


def test_an_edited_source_is_run_instead_of_a_stale_build(tmp_path: Path) -> None:
    """A copy of the package whose source changed after the build runs every engine module from source, and says
    why; unchanged, the copy runs the build it holds."""
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT / "workers", copy / "workers", ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("import sys, workers.pipeline as p; from workers.pipeline import native; "
             "import workers.pipeline.claims, workers.pipeline.verify; "
             "print(p.engine_build()); print(*sorted({type(sys.modules['workers.pipeline.' + n].__loader__).__name__ "
             "for n in native.COMPILED}))")
    before = _run(probe, cwd=copy)
    assert before.returncode == 0, before.stderr[-2000:]
    assert before.stdout.splitlines()[0] == engine_build()

    money = copy / "workers" / "pipeline" / "money.py"
    money.write_text(money.read_text() + "\n# edited after the build\n")
    after = _run(probe, cwd=copy)
    assert after.returncode == 0, after.stderr[-2000:]
    build, loaders = after.stdout.splitlines()
    assert build.startswith("source")
    assert loaders == "SourceFileLoader"
    if native._built(copy / "workers" / "pipeline"):
        assert "older than the sources" in build


def test_the_digest_covers_every_source_of_the_package(tmp_path: Path) -> None:
    """Changing any source of the package, compiled or not (the reference loader whose types the compiled modules
    rely on), changes the digest the build is checked against."""
    folder = tmp_path / "pipeline"
    folder.mkdir()
    sources = sorted(native.HERE.glob("*.py"))
    assert {f"{name}.py" for name in native.COMPILED} < {p.name for p in sources}
    for source in sources:
        shutil.copy(source, folder / source.name)
    first = native.sources_digest(folder)
    assert first == native.sources_digest()
    seen = {first}
    for source in sources:
        path = folder / source.name
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        seen.add(native.sources_digest(folder))
        path.write_bytes(original)
    assert len(seen) == len(sources) + 1
    native.write_manifest(folder)
    assert (folder / native.MANIFEST.name).read_text().strip() == first

