"""The `claimcheck check` command: JSON and table output, and clear errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli import main

TEXT = "In February, the State Department designated Tren de Aragua as a foreign terrorist organization.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A small article file."""
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_json_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON on stdout with the claim and its verdict."""
    assert main(["check", str(article), "--published", "2025-08-08"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(c["type"], c["text"], c["verdict"]["label"]) for c in out["claims"]] == [
        ("designation", "Tren de Aragua", "supported")]


def test_table_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The readable table names the claim, its verdict and the explanation."""
    assert main(["check", str(article), "--published", "2025-08-08", "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "Tren de Aragua" in out and "supported" in out and "1 claims" in out


def test_stdin_and_html(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """`-` reads standard input; --html extracts the main text first."""
    html = f"<html><body><article><p>{TEXT}</p><p>{'More words here. ' * 10}</p></article></body></html>"
    monkeypatch.setattr(sys, "stdin", type("In", (), {"buffer": __import__("io").BytesIO(html.encode())})())
    assert main(["check", "-", "--html", "--published", "2025-08-08"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["article"]["format"] == "html" and out["claims"][0]["text"] == "Tren de Aragua"


@pytest.mark.parametrize(("content", "args", "message"), [
    (b"", [], "input is empty"),
    (b"   \n", [], "input is empty"),
    (b"\x00\x01\x02binary", [], "binary"),
    (b"\xff\xfe bad", [], "not UTF-8"),
    (b"x" * 2000, ["--max-bytes", "1000"], "over the size limit"),
])
def test_bad_input(tmp_path: Path, content: bytes, args: list[str], message: str,
                   capsys: pytest.CaptureFixture[str]) -> None:
    """Empty, binary, non-UTF-8 or oversize input: a clear message and a nonzero exit."""
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(path), *args])
    assert exit_.value.code != 0 and message in str(exit_.value.code)


def test_bad_date(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad --published date is refused by the parser with exit code 2."""
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(article), "--published", "2025-02-30"])
    assert exit_.value.code == 2 and "not a date" in capsys.readouterr().err


def test_bad_reference(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken table: the message names the file, exit code 2."""
    bad = tmp_path / "table.yaml"
    bad.write_text("facts:\n  - id: x\n    predicate: reward\n    subjects: [nobody]\n")
    assert main(["check", str(article), "--reference", str(bad)]) == 2
    assert "table.yaml" in capsys.readouterr().err


def test_console_script_runs(article: Path) -> None:
    """The installed `claimcheck` script works as a separate process."""
    exe = Path(sys.executable).with_name("claimcheck")
    proc = subprocess.run([str(exe), "check", str(article), "--published", "2025-08-08"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["claims"][0]["subject"]["id"] == "tren-de-aragua"
