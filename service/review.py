"""The reviewer page: paste an article, see each claim highlighted with its verdict; it uses the public API only."""

from __future__ import annotations

import uuid

from flask import Blueprint, Response, render_template

# A plain Flask blueprint (not flask-smorest's), so the page stays out of the OpenAPI document.
blp = Blueprint("review", __name__, static_folder="static/review", static_url_path="/review/static")

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@blp.get("/")
def index() -> str:
    """The page with an empty form."""
    return render_template("review.html")


@blp.get("/review/<uuid:job_id>")
def job(job_id: uuid.UUID) -> str:
    """The same page; its script reads the job id from the path and loads the check with the reader's key."""
    return render_template("review.html")


@blp.after_request
def _security_headers(response: Response) -> Response:
    """A strict CSP and friends on the page and its static files (the API's own responses are left alone)."""
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
