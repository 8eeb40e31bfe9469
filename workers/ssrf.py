"""SSRF guard for outbound URLs: refuse internal addresses, connect only to the address that was checked."""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Ranges refused besides what `ipaddress` flags: carrier-grade NAT, "this network", IPv6 unique local / site local.
_EXTRA_REFUSED = tuple(
    ipaddress.ip_network(net)
    for net in ("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "198.18.0.0/15", "fc00::/7", "fec0::/10", "64:ff9b::/96")
)


class RefusedURL(ValueError):
    """An outbound URL the guard refuses; the message says why."""


def refusal(address: str | IPAddress, allowlist: Iterable[str] = ()) -> str | None:
    """Why an address must not be connected to (loopback, private...), or None when it may be."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if any(ip in ipaddress.ip_network(entry, strict=False) for entry in allowlist):
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            reason = refusal(embedded)
            return f"IPv6 address embedding {embedded}: {reason}" if reason else None
    checks = (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local (cloud metadata)"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    )
    for attribute, name in checks:
        if getattr(ip, attribute):
            return f"{ip} is refused: {name}"
    if any(ip in net for net in _EXTRA_REFUSED):
        return f"{ip} is in a refused range (carrier-grade NAT, this-network, unique local)"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


@dataclass(frozen=True, slots=True)
class Target:
    """A checked URL: its host name, port and the one address to connect to."""

    url: str
    scheme: str
    host: str
    port: int
    address: str


def resolve(url: str, config: Mapping[str, Any], *, allow_http: bool | None = None) -> Target:
    """Check a URL's scheme, resolve its host and check every address; RefusedURL when any is refused.

    `allow_http`: whether http:// is allowed; None: `CALLBACK_ALLOW_HTTP` decides (callbacks).
    """
    parts = urlsplit(url)
    if allow_http is None:
        allow_http = bool(config.get("CALLBACK_ALLOW_HTTP"))
    allowed_schemes = ("https", "http") if allow_http else ("https",)
    if parts.scheme not in allowed_schemes:
        raise RefusedURL(f"the scheme must be {' or '.join(allowed_schemes)}")
    if not parts.hostname or parts.username or parts.password:
        raise RefusedURL("the URL needs a host and no user or password")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as exc:
        raise RefusedURL(f"the host {parts.hostname} cannot be resolved: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    allowlist = config.get("SSRF_ALLOWLIST") or ()
    for address in addresses:
        if reason := refusal(address.split("%")[0], allowlist):
            raise RefusedURL(f"the host {parts.hostname} resolves to a refused address: {reason}")
    return Target(url, parts.scheme, parts.hostname, port, addresses[0])


class PinnedAdapter(HTTPAdapter):
    """Connects to the checked address while TLS (SNI, certificate) and Host still use the host name."""

    def __init__(self, target: Target) -> None:
        self.target = target
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        if self.target.scheme == "https":
            kwargs.update(server_hostname=self.target.host, assert_hostname=self.target.host)
        super().init_poolmanager(*args, **kwargs)


@dataclass(frozen=True, slots=True)
class Reply:
    """What an outbound request got: status code, headers and at most `max_bytes` of the body.

    `truncated`: the body was longer than `max_bytes`.
    """

    status: int
    headers: Mapping[str, str]
    body: bytes
    truncated: bool = False


class BodyTimeout(OSError):
    """The whole body took longer than allowed to arrive (each read was quick enough)."""


def _send(
    method: str,
    target: Target,
    headers: Mapping[str, str],
    *,
    body: bytes | None,
    timeout: tuple[float, float],
    max_bytes: int,
    verify: str | bool,
    total: float | None = None,
) -> Reply:
    """One request to the checked address only: no redirects followed, timeouts, at most `max_bytes` read.

    `total`: seconds the body may take to arrive in all, else BodyTimeout (None: only per-read timeouts).
    """
    parts = urlsplit(target.url)
    literal = f"[{target.address}]" if ":" in target.address else target.address
    pinned = parts._replace(netloc=f"{literal}:{target.port}").geturl()
    host = target.host if ":" not in target.host else f"[{target.host}]"
    default_port = 443 if target.scheme == "https" else 80
    send_headers = {**headers, "Host": host if target.port == default_port else f"{host}:{target.port}"}
    deadline = None if total is None else time.monotonic() + total
    with requests.Session() as session:
        session.trust_env = False  # no proxies from the environment: the checked address is the one used
        session.verify = verify
        session.mount(f"{target.scheme}://", PinnedAdapter(target))
        with session.request(method, pinned, data=body, headers=send_headers, timeout=timeout,
                             allow_redirects=False, stream=True) as response:
            chunks, size = [], 0
            while size <= max_bytes:
                chunk = response.raw.read1(min(65536, max_bytes + 1 - size), decode_content=True)  # what came
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if deadline is not None and time.monotonic() > deadline:
                    raise BodyTimeout(f"the body took longer than {total} s")
            content = b"".join(chunks)
            return Reply(response.status_code, dict(response.headers), content[:max_bytes], len(content) > max_bytes)


def post(target: Target, body: bytes, headers: Mapping[str, str], config: Mapping[str, Any]) -> Reply:
    """POST to the checked address only: no redirects followed, connect/read timeouts, a capped body."""
    return _send(
        "POST", target, headers, body=body,
        timeout=(config["CALLBACK_CONNECT_TIMEOUT"], config["CALLBACK_READ_TIMEOUT"]),
        max_bytes=config["CALLBACK_MAX_RESPONSE_BYTES"], verify=config.get("CALLBACK_CA_BUNDLE") or True,
    )


def get(target: Target, headers: Mapping[str, str], config: Mapping[str, Any]) -> Reply:
    """GET from the checked address only (a page to check): no redirects followed, `FETCH_*` limits.

    The body may take `FETCH_READ_TIMEOUT` s in all; at most `FETCH_MAX_BYTES` are read (`truncated` beyond).
    """
    return _send(
        "GET", target, headers, body=None,
        timeout=(config["FETCH_CONNECT_TIMEOUT"], config["FETCH_READ_TIMEOUT"]),
        max_bytes=config["FETCH_MAX_BYTES"], verify=config.get("CALLBACK_CA_BUNDLE") or True,
        total=config["FETCH_READ_TIMEOUT"],
    )
