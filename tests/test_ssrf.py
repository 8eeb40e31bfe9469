"""The SSRF guard: address classification (a pure table), URL checks, pinning, and 422 at submit time."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from flask import Flask
from support import assert_problem, auth

from service import create_app
from workers.ssrf import RefusedURL, Target, post, refusal, resolve

GUARD = {"CALLBACK_ALLOW_HTTP": True, "SSRF_ALLOWLIST": ["127.0.0.1"], "CALLBACK_CONNECT_TIMEOUT": 2.0,
         "CALLBACK_READ_TIMEOUT": 2.0, "CALLBACK_MAX_RESPONSE_BYTES": 1024}


@pytest.mark.parametrize(
    ("address", "refused_as"),
    [
        ("169.254.169.254", "link-local"),
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "carrier-grade NAT"),
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("fc00::1", "private"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_classification(address: str, refused_as: str | None) -> None:
    reason = refusal(address)
    assert (reason is None) if refused_as is None else (refused_as in reason), reason


def test_allowlist_is_exact() -> None:
    assert refusal("127.0.0.1", ["127.0.0.1"]) is None
    assert refusal("127.0.0.2", ["127.0.0.1"]) is not None
    assert refusal("::ffff:127.0.0.1", ["127.0.0.1"]) is not None  # a mapped address is not the allowlisted one
    assert refusal("10.1.2.3", ["10.0.0.0/8"]) is None


def test_https_only_by_default() -> None:
    with pytest.raises(RefusedURL, match="https"):
        resolve("http://8.8.8.8/", {})
    with pytest.raises(RefusedURL, match="user or password"):
        resolve("https://user:pw@8.8.8.8/", {})
    assert resolve("https://8.8.8.8/hook", {}).address == "8.8.8.8"


class _Echo(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers["Content-Length"]))
        self.server.hosts.append(self.headers["Host"])  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", "2000")
        self.end_headers()
        self.wfile.write(b"x" * 2000)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def echo() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    server.hosts = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_post_connects_to_the_checked_address_with_the_host_name(echo: ThreadingHTTPServer) -> None:
    port = echo.server_address[1]
    target = Target(f"http://hooks.invalid:{port}/in", "http", "hooks.invalid", port, "127.0.0.1")
    reply = post(target, b"{}", {"Content-Type": "application/json"}, GUARD)
    assert reply.status == 200 and len(reply.body) == 1024  # the answer is capped
    assert echo.hosts == [f"hooks.invalid:{port}"]  # never resolved again: the pinned address was used


@pytest.fixture
def guarded_app(base_config: dict[str, Any]) -> Flask:
    return create_app({**base_config, **GUARD, "WEBHOOK_SECRETS": {"alpha": "whsec_" + "A" * 32}})


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/hook",  # private
        "http://192.168.0.10/hook",
        "http://127.0.0.2:8080/hook",  # loopback, not allowlisted
        "http://[::1]:8080/hook",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://[::ffff:127.0.0.1]:8080/hook",  # IPv4-mapped IPv6
        "http://[::ffff:10.0.0.1]/hook",
        "http://100.64.1.1/hook",
        "http://0.0.0.0:8080/hook",
        "ftp://example.com/hook",
    ],
)
def test_submit_refuses_internal_callback_urls(guarded_app: Flask, url: str) -> None:
    response = guarded_app.test_client().post("/v1/checks", json={"text": "x", "callback_url": url}, headers=auth())
    body = assert_problem(response, 422)
    assert "callback_url" in body["errors"], body


def test_submit_needs_a_webhook_secret(guarded_app: Flask) -> None:
    from support import KEY_BETA

    response = guarded_app.test_client().post(
        "/v1/checks", json={"text": "x", "callback_url": "http://127.0.0.1:9/hook"}, headers=auth(KEY_BETA)
    )
    assert "secret" in assert_problem(response, 422)["errors"]["callback_url"][0]


@pytest.fixture
def tls_echo(tmp_path: Any) -> Iterator[tuple[ThreadingHTTPServer, str, list[str]]]:
    """An HTTPS echo on 127.0.0.1 whose certificate names hooks.test; records the SNI names it is sent."""
    import shutil
    import ssl
    import subprocess

    if not shutil.which("openssl"):
        pytest.skip("needs the openssl command")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=hooks.test", "-addext", "subjectAltName=DNS:hooks.test"],
                   check=True, capture_output=True)
    names: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    context.sni_callback = lambda sock, name, ctx: names.append(name) and None
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    server.hosts = []  # type: ignore[attr-defined]
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, str(cert), names
    server.shutdown()
    server.server_close()


def test_tls_uses_the_host_name_for_sni_and_the_certificate(tls_echo: Any) -> None:
    import requests

    server, cert, names = tls_echo
    port = server.server_address[1]
    target = Target(f"https://hooks.test:{port}/in", "https", "hooks.test", port, "127.0.0.1")
    assert post(target, b"{}", {}, {**GUARD, "CALLBACK_CA_BUNDLE": cert}).status == 200
    assert names[-1] == "hooks.test" and server.hosts == [f"hooks.test:{port}"]
    with pytest.raises(requests.exceptions.SSLError):  # not trusted without the CA bundle
        post(target, b"{}", {}, GUARD)
    other = Target(f"https://other.test:{port}/in", "https", "other.test", port, "127.0.0.1")
    with pytest.raises(requests.exceptions.SSLError):  # the certificate must name the URL's host
        post(other, b"{}", {}, {**GUARD, "CALLBACK_CA_BUNDLE": cert})
