"""Fetch by URL end to end: a real worker GETs pages from a real HTTP server on loopback through the SSRF guard."""

from __future__ import annotations

import socket
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from typing import Any

import pytest
from flask.testing import FlaskClient
from support import KEY_ALPHA, ThreadedHTTP, WorkerProcess, assert_problem, auth, wait_until

from service import create_app

MAX_BYTES = 20_000
ARTICLE = """<!DOCTYPE html><html><head><title>Cartel designations</title>
<meta property="article:published_time" content="2025-03-01T09:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Cartel designations</h1>
<p>In February, the State Department designated Tren de Aragua as a foreign terrorist organization.</p>
<p>The designation lets prosecutors bring material support charges against people who help the gang, and it
freezes any assets the group holds in the United States. Officials said the decision followed months of review
by several agencies and consultations with partners in the region.</p>
<p>Critics of the policy argued that the label would do little to stop the group's operations on the ground,
while supporters said it gives investigators new tools to follow the money across borders.</p>
</article><footer>Copyright the newspaper</footer></body></html>"""
PAGES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE.encode()),
    "/missing": (404, {"Content-Type": "text/html"}, b"<html><body><p>Not found</p></body></html>"),
    "/big": (200, {"Content-Type": "text/html"}, b"<html><body><p>" + b"word " * MAX_BYTES + b"</p></body></html>"),
    "/data": (200, {"Content-Type": "application/json"}, b'{"text": "not a page"}'),
    "/empty": (200, {"Content-Type": "text/html"}, b"<html><body><img src=\"x.png\"></body></html>"),
    "/redirect": (302, {"Location": "http://10.0.0.1/admin", "Content-Type": "text/html"}, b""),
}


class PageServer:
    """Serves PAGES on 127.0.0.1 and remembers the paths asked for."""

    def __init__(self) -> None:
        self.requested: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.requested.append(self.path)
                if self.path in ("/slow", "/drip", "/stall"):
                    self._slowly()
                    return
                status, headers, body = PAGES.get(self.path, (404, {}, b""))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _slowly(self) -> None:
                """/slow: no answer for 5 s; /drip: a byte every 0.2 s for 10 s; /stall: 10 bytes, then 5 s idle."""
                try:
                    if self.path == "/slow":
                        time.sleep(5)
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", "50")
                    self.end_headers()
                    if self.path == "/stall":
                        self.wfile.write(b"<html><p>T")
                        self.wfile.flush()
                        time.sleep(5)
                        return
                    for _ in range(50):
                        self.wfile.write(b"<")
                        self.wfile.flush()
                        time.sleep(0.2)
                except OSError:
                    pass  # the worker gave up and closed the connection

            def log_message(self, *args: Any) -> None:
                pass

        self.http = ThreadedHTTP(Handler)
        self.url = f"http://127.0.0.1:{self.http.port}"

    def close(self) -> None:
        self.http.close()


@pytest.fixture(scope="module")
def pages() -> Iterator[PageServer]:
    server = PageServer()
    yield server
    server.close()


@pytest.fixture(scope="module")
def fetch_config(redis_url: str) -> Iterator[dict[str, Any]]:
    """A key prefix of its own; fetches over http to 127.0.0.1 allowed, a small byte cap."""
    from conftest import _erase_prefix

    config = {
        "REDIS_URL": redis_url,
        "KEY_PREFIX": f"cctest-{uuid.uuid4().hex[:10]}:",
        "API_KEYS": {"alpha": KEY_ALPHA},
        "RATE_LIMIT": 0,
        "FETCH_ALLOW_HTTP": True,
        "SSRF_ALLOWLIST": ["127.0.0.1"],
        "FETCH_CONNECT_TIMEOUT": 1.0,
        "FETCH_READ_TIMEOUT": 3.0,
        "FETCH_MAX_BYTES": MAX_BYTES,
    }
    yield config
    _erase_prefix(redis_url, config["KEY_PREFIX"])


@pytest.fixture(scope="module")
def api(fetch_config: dict[str, Any], tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    process = WorkerProcess(fetch_config, tmp_path_factory.mktemp("fetchworker") / "worker.log").start()
    yield create_app({**fetch_config, "TESTING": True}).test_client()
    process.stop()


def _run(api: FlaskClient, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post("/v1/checks", json=body, headers=auth())
    assert response.status_code == 202, response.json
    location = response.headers["Location"]

    def finished() -> dict[str, Any] | None:
        job = api.get(location, headers=auth()).json
        return job if job["status"] in ("succeeded", "failed") else None

    return wait_until(finished, 60, 0.1, f"job {location}")


def test_article_page_is_fetched_and_checked(api: FlaskClient, pages: PageServer) -> None:
    url = pages.url + "/article"
    job = _run(api, {"url": url})
    assert job["status"] == "succeeded", job
    article = job["result"]["article"]
    assert article["url"] == url
    assert article["published_at"] == "2025-03-01"  # from the page's article:published_time
    assert article["format"] == "html" and "Tren de Aragua" in article["text"] and "Copyright" not in article["text"]
    assert article["title"] == "Cartel designations"
    assert any(claim["text"] == "Tren de Aragua" for claim in job["result"]["claims"]), job["result"]["claims"]


def test_given_published_at_wins_over_the_page(api: FlaskClient, pages: PageServer) -> None:
    job = _run(api, {"url": pages.url + "/article", "published_at": "2025-06-30", "title": "Mine"})
    assert job["status"] == "succeeded", job
    assert job["result"]["article"]["published_at"] == "2025-06-30"
    assert job["result"]["article"]["title"] == "Mine"


@pytest.mark.parametrize(
    ("path", "status", "kind", "words"),
    [
        ("/missing", 502, "fetch-status", "answered 404"),
        ("/big", 422, "fetch-too-large", f"larger than {MAX_BYTES} bytes"),
        ("/data", 422, "fetch-content-type", "application/json"),
        ("/empty", 422, "fetch-no-text", "no article text"),
        ("/redirect", 502, "fetch-status", "redirects are not followed"),
        ("/slow", 504, "fetch-timeout", "time limits"),  # no answer within FETCH_READ_TIMEOUT
        ("/drip", 504, "fetch-timeout", "time limits"),  # each byte in time, the whole page not
        ("/stall", 504, "fetch-timeout", "time limits"),  # a read of the body times out
    ],
)
def test_a_page_that_cannot_be_had_fails_the_job(
    api: FlaskClient, pages: PageServer, path: str, status: int, kind: str, words: str
) -> None:
    job = _run(api, {"url": pages.url + path})
    assert job["status"] == "failed", job
    error = job["error"]
    assert error["type"] == f"urn:claimcheck:problem:{kind}" and error["status"] == status, error
    assert words in error["detail"] and error["field"] == "url", error
    assert "Traceback" not in str(error)


def test_a_redirect_is_not_followed(api: FlaskClient, pages: PageServer) -> None:
    before = len(pages.requested)
    job = _run(api, {"url": pages.url + "/redirect"})
    assert job["status"] == "failed" and "302" in job["error"]["detail"], job
    assert pages.requested[before:] == ["/redirect"]  # one GET, and none to the address it pointed at


def test_an_unreachable_host_fails_the_job(api: FlaskClient, pages: PageServer) -> None:
    with socket.socket() as probe:  # a loopback port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    job = _run(api, {"url": f"http://127.0.0.1:{port}/article"})
    assert job["status"] == "failed", job
    assert job["error"]["type"] == "urn:claimcheck:problem:fetch-unreachable", job["error"]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("http://10.1.2.3/news/story", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]:9/news", "loopback"),
    ],
)
def test_a_refused_url_is_422_at_submit(api: FlaskClient, url: str, words: str) -> None:
    response = api.post("/v1/checks", json={"url": url}, headers=auth())
    body = assert_problem(response, 422)
    assert list(body["errors"]) == ["url"] and words in body["errors"]["url"][0], body


def test_http_is_refused_unless_allowed(client: FlaskClient) -> None:
    response = client.post("/v1/checks", json={"url": "http://news.example/story"}, headers=auth())
    body = assert_problem(response, 422)
    assert "https" in body["errors"]["url"][0], body


def test_url_with_text_is_recorded_not_fetched(api: FlaskClient, pages: PageServer) -> None:
    before = len(pages.requested)
    job = _run(api, {"url": pages.url + "/missing", "text": "The council met on Tuesday."})
    assert job["status"] == "succeeded", job
    assert job["result"]["article"]["url"] == pages.url + "/missing"
    assert pages.requested[before:] == []


def test_neither_text_html_nor_url_is_422(client: FlaskClient) -> None:
    body = assert_problem(client.post("/v1/checks", json={"title": "t"}, headers=auth()), 422)
    assert "url" in body["errors"]["text"][0]
