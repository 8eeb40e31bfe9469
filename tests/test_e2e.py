"""End to end over HTTP: live server -> Redis -> a real Celery worker process -> result."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from support import SAMPLE_TEXT, assert_problem, auth, poll_until_finished

from service.problems import INVALID_ARTICLE

pytestmark = pytest.mark.usefixtures("worker")


def test_submit_poll_result(live_server: str) -> None:
    body = {"text": SAMPLE_TEXT, "title": "Buses", "published_at": "2026-11-20", "metadata": {"desk": "city"}}
    response = requests.post(f"{live_server}/v1/checks", json=body, headers=auth(), timeout=10)
    assert response.status_code == 202
    job = poll_until_finished(live_server, response.headers["Location"])
    assert job["status"] == "succeeded", job
    assert job["metadata"] == {"desk": "city"}
    assert job["created_at"] <= job["started_at"] <= job["finished_at"]
    result = job["result"]
    assert result["article"]["text"] == SAMPLE_TEXT and result["article"]["title"] == "Buses"
    assert isinstance(result["claims"], list) and isinstance(result["summary"], dict)


def test_prefer_wait_returns_the_finished_job(live_server: str) -> None:
    response = requests.post(
        f"{live_server}/v1/checks", json={"html": f"<p>{SAMPLE_TEXT}</p>"}, headers=auth(Prefer="wait=20"), timeout=30
    )
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "succeeded" and "Retry-After" not in response.headers
    assert response.json()["result"]["article"]["format"] == "html"


def test_engine_input_error_is_a_failed_job(live_server: str) -> None:
    response = requests.post(
        f"{live_server}/v1/checks", json={"text": "  \n\t "}, headers=auth(Prefer="wait=20"), timeout=30
    )
    job = response.json()
    assert response.status_code == 200 and job["status"] == "failed" and "result" not in job
    assert job["error"]["type"] == INVALID_ARTICLE and job["error"]["status"] == 422


def test_concurrent_submissions_all_finish(live_server: str) -> None:
    def one(i: int) -> dict:
        body = {"text": f"{SAMPLE_TEXT} Edition {i}."}
        return requests.post(f"{live_server}/v1/checks", json=body, headers=auth(Prefer="wait=30"), timeout=40).json()

    with ThreadPoolExecutor(8) as pool:
        jobs = list(pool.map(one, range(24)))
    assert {job["status"] for job in jobs} == {"succeeded"}
    assert len({job["id"] for job in jobs}) == 24


def test_get_304_and_delete_over_http(live_server: str) -> None:
    created = requests.post(
        f"{live_server}/v1/checks", json={"text": SAMPLE_TEXT}, headers=auth(Prefer="wait=20"), timeout=30
    )
    url = live_server + created.headers["Location"]
    etag = requests.get(url, headers=auth(), timeout=10).headers["ETag"]
    assert requests.get(url, headers=auth(**{"If-None-Match": etag}), timeout=10).status_code == 304
    assert requests.delete(url, headers=auth(), timeout=10).status_code == 204
    assert_problem(requests.get(url, headers=auth(), timeout=10), 404)


def test_readyz_sees_the_worker(live_server: str) -> None:
    response = requests.get(f"{live_server}/readyz", timeout=10)
    assert response.status_code == 200 and response.json()["workers"] >= 1


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status"),
    [
        ("get", "/nowhere", {}, 404),
        ("put", "/v1/checks", {"headers": auth()}, 405),
        ("post", "/v1/checks", {"headers": auth(), "data": "plain words"}, 415),
        ("post", "/v1/checks", {"headers": auth(), "json": {"text": "a", "html": "b"}}, 422),
        ("get", "/v1/checks", {"headers": auth("nobody")}, 401),
    ],
)
def test_errors_over_http(live_server: str, method: str, path: str, kwargs: dict, status: int) -> None:
    assert_problem(requests.request(method, live_server + path, timeout=10, **kwargs), status)


def test_413_over_http(live_server: str) -> None:
    response = requests.post(
        f"{live_server}/v1/checks", headers=auth(), json={"text": "x" * (3 * 1024 * 1024)}, timeout=30
    )
    assert_problem(response, 413)


CARTEL_TEXT = ("In February, the State Department designated Tren de Aragua as a foreign terrorist organization. "
               "The U.S. offers a $40 million reward for Maduro.")


@pytest.mark.parametrize("how", [{"params": {"format": "claimreview"}}, {"headers": {"Accept": "application/ld+json"}}],
                         ids=["format=claimreview", "Accept"])
def test_claimreview_over_http(live_server: str, how: dict) -> None:
    body = {"text": CARTEL_TEXT, "published_at": "2025-09-01", "url": "https://news.example.org/a", "title": "T"}
    job = requests.post(f"{live_server}/v1/checks", json=body, headers=auth(Prefer="wait=20"), timeout=30).json()
    assert job["status"] == "succeeded", job
    response = requests.get(f"{live_server}/v1/checks/{job['id']}", params=how.get("params"),
                            headers=auth(**how.get("headers", {})), timeout=10)
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("application/ld+json")
    reviews = response.json()["@graph"]
    assert [r["reviewRating"]["alternateName"] for r in reviews] == ["True", "False"]
    assert all(r["itemReviewed"]["appearance"]["url"] == "https://news.example.org/a" for r in reviews)
    assert reviews[0]["url"] == f"{live_server}/review/{job['id']}#c1"


def test_claimreview_needs_a_succeeded_check(live_server: str) -> None:
    job = requests.post(f"{live_server}/v1/checks", json={"text": "  \n "}, headers=auth(Prefer="wait=20"),
                        timeout=30).json()
    assert job["status"] == "failed"
    response = requests.get(f"{live_server}/v1/checks/{job['id']}?format=claimreview", headers=auth(), timeout=10)
    assert_problem(response, 409)
