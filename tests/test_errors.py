"""Every error status leaves as RFC 9457 problem+json, with the field names for 422."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from flask import Flask
from support import assert_problem, auth

from service import create_app
from service.embedded_redis import free_port
from service.problems import INVALID_REQUEST, STORE_UNAVAILABLE

JSON = "application/json"


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/no/such/route", {}, 404),
        ("get", "/v1/checks/not-a-uuid", {"headers": auth()}, 404),
        ("get", "/v1/checks/00000000-0000-4000-8000-000000000000", {"headers": auth()}, 404),
        ("put", "/v1/checks", {"headers": auth()}, 405),
        ("patch", "/healthz", {}, 405),
        ("post", "/v1/checks", {"headers": auth(), "data": "text=hello", "content_type": "text/plain"}, 415),
        (
            "post",
            "/v1/checks",
            {"headers": auth(), "data": "{not json", "content_type": "application/json"},
            400,
        ),
        ("post", "/v1/checks", {"headers": auth(), "data": b'{"text": "a\xff\xfe"}', "content_type": JSON}, 400),
        ("post", "/v1/checks", {"headers": auth(), "data": b'{"text": "a \\ud800"}', "content_type": JSON}, 400),
        ("post", "/v1/checks", {"headers": auth(), "data": b'{"text": "a", "metadata": {"\\udfff": 1}}',
                                "content_type": JSON}, 400),
        ("post", "/v1/checks", {"headers": auth(), "data": b"[" * 100_000, "content_type": JSON}, 400),
        ("post", "/v1/checks", {"headers": auth(), "data": b'{"text": "a", "metadata": {"a": ' + b"[" * 5000
                                + b"]" * 5000 + b"}}", "content_type": JSON}, 400),
        ("post", "/v1/checks", {"headers": auth(), "json": {"text": "x" * (2 * 1024 * 1024)}}, 413),
        ("post", "/v1/checks", {"headers": auth(), "json": {"html": "<p>" * (700 * 1024)}}, 413),
        ("post", "/v1/webhooks/ninjs", {"headers": auth(), "json": {"body_text": "x" * (2 * 1024 * 1024)}}, 413),
        ("get", "/v1/checks", {}, 401),
    ],
)
def test_http_errors_are_problems(client, method: str, path: str, kwargs: dict, status: int) -> None:
    response = getattr(client, method)(path, **kwargs)
    assert_problem(response, status)


def test_405_lists_allowed_methods(client) -> None:
    response = client.delete("/v1/checks", headers=auth())
    assert_problem(response, 405)
    assert set(response.headers["Allow"].split(", ")) >= {"GET", "POST"}


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({}, {"text", "html"}),
        ({"text": "a", "html": "<p>a</p>"}, {"text", "html"}),
        ({"text": ""}, {"text"}),
        ({"text": 12}, {"text"}),
        ({"text": "a", "published_at": "last Tuesday"}, {"published_at"}),
        ({"text": "a", "url": "ftp://example.org/x"}, {"url"}),
        ({"text": "a", "language": "english please"}, {"language"}),
        ({"text": "a", "metadata": ["not", "an", "object"]}, {"metadata"}),
        ({"text": "a", "metadata": {"blob": "x" * 20000}}, {"metadata"}),
        ({"text": "a", "surprise": True}, {"surprise"}),
        ({"text": "a", "title": "t" * 1001, "url": "not a url"}, {"title", "url"}),
        ({"text": "a", "url": "https://example.org/" + "a" * 2030}, {"url"}),
        ({"text": "a", "callback_url": "https://example.org/" + "a" * 2030}, {"callback_url"}),
        ({"text": "a", "language": "en" + "-abcdefgh" * 7}, {"language"}),
        ({"text": "a", "metadata": {f"k{i}": i for i in range(3000)}}, {"metadata"}),
    ],
)
def test_422_names_each_field(client, body: dict, fields: set[str]) -> None:
    problem = assert_problem(client.post("/v1/checks", json=body, headers=auth()), 422)
    assert problem["type"] == INVALID_REQUEST
    assert set(problem["errors"]) == fields


def test_422_on_query_arguments(client) -> None:
    problem = assert_problem(client.get("/v1/checks?status=lost", headers=auth()), 422)
    assert set(problem["errors"]) == {"status"}


def test_unexpected_exception_is_a_bare_500(app: Flask) -> None:
    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    problem = assert_problem(response, 500)
    assert "secret internals" not in response.get_data(as_text=True)
    assert problem["type"] == "about:blank"


def test_redis_down_is_503(base_config: dict) -> None:
    down = create_app({**base_config, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"})
    client = down.test_client()
    for response in (
        client.post("/v1/checks", json={"text": "a"}, headers=auth()),
        client.get("/v1/checks/00000000-0000-4000-8000-000000000000", headers=auth()),
        client.get("/v1/checks", headers=auth()),
    ):
        problem = assert_problem(response, 503)
        assert problem["type"] == STORE_UNAVAILABLE
        assert response.headers["Retry-After"]


MARKUP = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_markup_is_never_served_as_html(client) -> None:
    """Markup sent anywhere comes back only inside JSON, never in a page or an HTML error."""
    refused = [
        client.get(f"/v1/checks/{quote(MARKUP)}", headers=auth()),
        client.get(f"/v1/checks?status={quote(MARKUP)}", headers=auth()),
        client.post("/v1/checks", json={"html": MARKUP, "language": MARKUP, "url": MARKUP}, headers=auth()),
        client.post("/v1/checks", json={"text": MARKUP, MARKUP: 1}, headers=auth()),
        client.get(f"/{quote(MARKUP)}"),
        client.get(f"/review/{quote(MARKUP)}"),
        client.get("/v1/checks", headers={"Authorization": f"Bearer {MARKUP}"}),
    ]
    for response in refused:
        assert response.mimetype == "application/problem+json", response.request.path
        problem = response.get_data(as_text=True)
        assert "<script" not in json.loads(problem)["detail"] and "<html" not in problem
    created = client.post("/v1/checks", json={"html": MARKUP, "title": MARKUP, "metadata": {"x": MARKUP}},
                          headers=auth())
    assert created.status_code == 202 and created.mimetype == "application/json"
    assert client.get(created.headers["Location"], headers=auth()).mimetype == "application/json"
    page = client.get(f"/review/{created.json['id']}")  # the page renders nothing of the job on the server
    assert page.mimetype == "text/html" and "alert(" not in page.get_data(as_text=True)
