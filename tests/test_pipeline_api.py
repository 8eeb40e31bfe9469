"""The engine facade: the result schema, input errors, HTML input and table caching."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from workers.pipeline import Article, CheckOptions, InputError, check, load_table
from workers.pipeline.schema import LABELS, ResultSchema

PUB = dt.date(2025, 8, 8)
TEXT = ("In February, the State Department designated Tren de Aragua as a foreign terrorist organization. "
        "On Thursday, Bondi doubled the reward for Maduro to $50 million.")


def test_result_matches_the_schema() -> None:
    """The result validates against ResultSchema, names the table version and counts every label."""
    table = load_table()
    result = check(Article(text=TEXT, published_at=PUB, title="T", url="https://example.org/a"), table)
    assert ResultSchema().validate(result) == {}
    assert result["reference_version"] == table.version
    assert set(result["summary"]) == set(LABELS)
    assert sum(result["summary"].values()) == len(result["claims"]) == 2
    assert [c["id"] for c in result["claims"]] == ["c1", "c2"]
    assert result["article"]["published_at"] == "2025-08-08" and result["warnings"] == []


@pytest.mark.parametrize(("article", "options", "field", "message"), [
    (Article(text="   "), CheckOptions(), "text", "empty"),
    (Article(html=""), CheckOptions(), "html", "empty"),
    (Article(text="a", html="<p>a</p>"), CheckOptions(), "text", "either"),
    (Article(text="x" * 101), CheckOptions(max_chars=100), "text", "longer than 100"),
    (Article(text="a\x00b"), CheckOptions(), "text", "NUL"),
    (Article(html="<html><body><nav></nav></body></html>"), CheckOptions(), "html", "no article text"),
])
def test_input_errors_name_the_field(article: Article, options: CheckOptions, field: str, message: str) -> None:
    """Unusable input raises InputError naming the field."""
    with pytest.raises(InputError) as err:
        check(article, load_table(), options)
    assert err.value.field == field and message in err.value.detail


def test_html_spans_index_the_extracted_text() -> None:
    """With HTML in, spans index the extracted text that the result returns."""
    html = (f"<html><body><nav>Home | World</nav><article><h1>Cartels</h1><p>{TEXT}</p>"
            "<p>More text follows here to make the article long enough for extraction.</p></article></body></html>")
    result = check(Article(html=html, published_at=PUB), load_table())
    text = result["article"]["text"]
    assert result["article"]["format"] == "html" and "Home | World" not in text
    assert [text[slice(*c["span"])] for c in result["claims"]] == ["Tren de Aragua", "$50 million"]


def test_without_publication_date_the_result_says_so() -> None:
    """No publication date: a warning, and relative dates stay unresolved."""
    result = check(Article(text=TEXT), load_table())
    assert result["warnings"] and result["article"]["published_at"] is None
    relative = [c for c in result["claims"] if c["value"]["date"] and c["value"]["date"]["resolved"] is None]
    assert relative and all(c["verdict"]["label"] == "unverifiable" for c in relative)


def test_table_is_cached_until_a_file_changes(tmp_path: Path) -> None:
    """The same path gives the same compiled table until a file is edited."""
    folder = tmp_path / "table"
    shutil.copytree(Path(__file__).resolve().parents[1] / "reference", folder)
    first = load_table(folder)
    assert load_table(folder) is first
    facts = folder / "facts.yaml"
    facts.write_text(facts.read_text().replace("amount: 50000000", "amount: 60000000"))
    second = load_table(folder)
    assert second is not first and second.version != first.version


def test_schema_describes_version_changes() -> None:
    """A CMS update's result, with a change per claim and the claims gone, validates against ResultSchema."""
    from workers.versions import mark_changes

    table = load_table()
    before = check(Article(text=TEXT, published_at=PUB), table)
    after = check(Article(text=TEXT.replace("$50 million", "$40 million"), published_at=PUB), table)
    marked = mark_changes(after, "previous-job-id", before)
    assert ResultSchema().validate(marked) == {}
    assert [c["change"] for c in marked["claims"]] == ["unchanged", "new"]
    assert [g["text"] for g in marked["changes"]["gone"]] == ["$50 million"]
    assert ResultSchema().validate({**marked, "changes": {"previous_job": 1}}) != {}
