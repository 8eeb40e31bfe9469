"""/v1/articles/{article_id}/checks: the checks of one CMS story, every version pushed by a webhook."""

from __future__ import annotations

from typing import Any

from flask import g
from flask.views import MethodView
from flask_smorest import Blueprint
from flask_smorest.pagination import PaginationParameters

from service.auth import require_api_key
from service.checks import _store, _view
from service.ratelimit import enforce_rate_limit
from service.schemas import JobSummarySchema

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Checks of one story, by version")
blp.before_request(require_api_key)
blp.before_request(enforce_rate_limit)


@blp.route("/<path:article_id>/checks")
class ArticleChecks(MethodView):
    """The checks of one story."""

    @blp.response(200, JobSummarySchema(many=True))
    @blp.paginate()
    @blp.alt_response(401, response="UNAUTHORIZED")
    @blp.alt_response(429, response="TOO_MANY_REQUESTS")
    @blp.alt_response(503, response="SERVICE_UNAVAILABLE")
    def get(self, article_id: str, pagination_parameters: PaginationParameters) -> list[dict[str, Any]]:
        """List the caller's checks of a story (its ninjs `uri`, Superdesk `guid`, WordPress `link` or `id`,
        URL-encoded), newest first; `metadata` gives each one's `version` and `previous_job`."""
        records, total = _store().article_jobs(
            g.tenant, article_id, pagination_parameters.first_item, pagination_parameters.page_size
        )
        pagination_parameters.item_count = total
        return [_view(record, with_result=False) for record in records]
