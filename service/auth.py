"""API keys: `Authorization: Bearer <key>`, kept as sha256 digests, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

from flask import current_app, g, request
from flask_smorest import abort

SHA256_PREFIX = "sha256:"


def digest(key: str) -> bytes:
    """The sha256 digest under which a key is stored."""
    return hashlib.sha256(key.encode()).digest()


def load_keys(configured: Mapping[str, str]) -> list[tuple[bytes, str]]:
    """(digest, tenant) pairs from tenant -> key or "sha256:<hex>"; plain keys are hashed at once."""
    pairs = []
    for tenant, key in configured.items():
        if key.startswith(SHA256_PREFIX):
            pairs.append((bytes.fromhex(key[len(SHA256_PREFIX) :]), tenant))
        else:
            pairs.append((digest(key), tenant))
    return pairs


def tenant_for(key: str, keys: list[tuple[bytes, str]]) -> str | None:
    """The tenant owning `key`; every stored digest is compared, so timing tells nothing."""
    presented, found = digest(key), None
    for stored, tenant in keys:
        if hmac.compare_digest(stored, presented):
            found = tenant
    return found


def require_api_key() -> None:
    """Before-request hook: set `g.tenant` from the bearer key or answer 401."""
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    tenant = tenant_for(key.strip(), current_app.extensions["claimcheck.keys"]) if key.strip() else None
    if scheme.lower() != "bearer" or tenant is None:
        abort(
            401,
            message="a valid API key is required: Authorization: Bearer <key>",
            headers={"WWW-Authenticate": 'Bearer realm="claimcheck"'},
        )
    g.tenant = tenant
