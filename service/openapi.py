"""The API object and its OpenAPI 3.1 document; `python -m service.openapi` writes openapi.yaml."""

from __future__ import annotations

import argparse
import http
import sys
from pathlib import Path

from flask_smorest import Api
from flask_smorest.pagination import PaginationMetadataSchema
from flask_smorest.utils import prepare_response

from service.problems import MEDIA_TYPE
from service.schemas import ProblemSchema

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
SETTINGS = {
    "API_TITLE": "claimcheck",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.1.0",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "API_SPEC_OPTIONS": {
        "info": {
            "description": "Fact-claim verification for newsrooms: submit an article, poll the job, "
            "read the verdicts. Errors are RFC 9457 problem details."
        },
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
    },
}


class ClaimcheckApi(Api):
    """flask-smorest's Api, documenting errors as application/problem+json problem details."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["schema"] = self.ERROR_SCHEMA
            prepare_response(response, self.spec, MEDIA_TYPE)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Default error response", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, MEDIA_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def _register_pagination_header(self) -> None:
        """X-Pagination carries a JSON object: documented as `content`, not as a `simple`-style `schema`."""
        content = {"application/json": {"schema": PaginationMetadataSchema}}
        self.spec.components.header("PAGINATION", {"description": "Pagination metadata", "content": content}, lazy=True)


def render() -> str:
    """The OpenAPI document of the app, as YAML."""
    from service import create_app

    return create_app({"TESTING": True}).extensions["claimcheck.api"].spec.to_yaml()


def main(argv: list[str] | None = None) -> int:
    """Write openapi.yaml, or with --check fail when it differs from the app."""
    parser = argparse.ArgumentParser(prog="python -m service.openapi", description=main.__doc__)
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not SPEC_PATH.exists() or SPEC_PATH.read_text() != text:
            print(f"{SPEC_PATH.name} is stale: run python -m service.openapi", file=sys.stderr)
            return 1
        return 0
    SPEC_PATH.write_text(text)
    print(f"wrote {SPEC_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
