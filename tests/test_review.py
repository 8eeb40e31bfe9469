"""The reviewer page: its routes, headers, static files and markup, and the API's errors left as problem+json."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from support import assert_problem, auth

from service import openapi, review

STATIC = Path(review.__file__).resolve().parent / "static" / "review"
JOB_ID = "00000000-0000-4000-8000-000000000000"


class _Markup(HTMLParser):
    """Collects the tags of a page with their attributes, and the text of inline scripts and styles."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_code: list[str] = []
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._open = tag if tag in ("script", "style") else None

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.inline_code.append(data)


def _markup(client) -> _Markup:
    parser = _Markup()
    parser.feed(client.get("/").get_data(as_text=True))
    return parser


@pytest.mark.parametrize("path", ["/", f"/review/{JOB_ID}"])
def test_page_is_html_with_a_strict_csp(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/html"
    csp = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self'" and directives["default-src"] == "'none'"
    assert "unsafe" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert 'id="check-form"' in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "mimetype"),
    [
        ("/review/static/review.js", "text/javascript"),
        ("/review/static/review.css", "text/css"),
        ("/review/static/icon.svg", "image/svg+xml"),
    ],
)
def test_static_files_are_served(client, path: str, mimetype: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == mimetype
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    response.close()


@pytest.mark.parametrize(
    ("path", "kwargs"),
    [
        ("/nowhere", {}),
        ("/review/not-a-uuid", {}),
        ("/review/static/missing.js", {}),
        ("/v1/nowhere", {"headers": auth()}),
        (f"/v1/checks/{JOB_ID}", {"headers": auth()}),
    ],
)
def test_other_paths_are_still_problem_404s(client, path: str, kwargs: dict) -> None:
    assert_problem(client.get(path, **kwargs), 404)


def test_api_is_unchanged_by_the_page(client) -> None:
    assert_problem(client.get("/v1/checks"), 401)
    assert_problem(client.post("/", json={}), 405)
    assert "Content-Security-Policy" not in client.get("/healthz").headers


def test_page_is_not_in_the_openapi_document() -> None:
    paths = yaml.safe_load(openapi.render())["paths"]
    assert not [path for path in paths if path == "/" or path.startswith("/review")]


def test_page_loads_nothing_from_elsewhere_and_nothing_inline(client) -> None:
    page = _markup(client)
    assert not page.inline_code
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") or name == "style" for name in attrs), (tag, attrs)
        for name in ("src", "href", "action"):
            value = attrs.get(name)
            assert value is None or value.startswith(("/", "#")), (tag, name, value)
    scripts = [attrs["src"] for tag, attrs in page.tags if tag == "script"]
    assert scripts == ["/review/static/review.js"]


def test_every_input_has_a_label(client) -> None:
    page = _markup(client)
    labelled = {attrs.get("for") for tag, attrs in page.tags if tag == "label"}
    fields = [attrs for tag, attrs in page.tags if tag in ("input", "textarea", "select")]
    assert len(fields) >= 6
    for attrs in fields:
        assert attrs.get("id") in labelled or attrs.get("type") == "radio", attrs
    radios = [attrs for attrs in fields if attrs.get("type") == "radio"]  # wrapped in their <label>
    assert radios and all(attrs.get("id") for attrs in radios)


def test_script_never_writes_html() -> None:
    source = (STATIC / "review.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, sink


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(first: str, second: str) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colours_meet_wcag_aa() -> None:
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6});", (STATIC / "review.css").read_text()))
    white = "#ffffff"
    pairs = [("ink", "paper"), ("muted", "paper"), ("muted", "panel"), ("accent", "paper"), ("alert-ink", "alert-bg")]
    for label in ("supported", "refuted", "partially_supported", "outdated", "unverifiable"):
        pairs.append(("ink", f"{label}-bg"))  # highlighted claim text
        assert _contrast(white, colours[label]) >= 4.5, label  # badge text on the verdict colour
        assert _contrast(colours[label], colours[f"{label}-bg"]) >= 3, label  # underline against the highlight
    for text, background in pairs:
        assert _contrast(colours[text], colours[background]) >= 4.5, (text, background)
