"""Prometheus metrics at /metrics: this process's requests, and job figures read from Redis."""

from __future__ import annotations

import time
from collections.abc import Iterator

import redis
from flask import Flask, Response, g, request
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString

from workers import stats
from workers.jobs import JobStore
from workers.queue import QUEUE


class JobCollector(Collector):
    """Queue depth, finished jobs, verdicts and run times, as every worker recorded them."""

    def __init__(self, store: JobStore) -> None:
        self.store = store

    def collect(self) -> Iterator[Metric]:
        """Read the figures at scrape time; report Redis as down instead of failing the scrape."""
        try:
            figures = stats.read(self.store.redis, self.store.prefix)
            depth = self.store.redis.llen(self.store.prefix + QUEUE)
        except redis.RedisError:
            yield GaugeMetricFamily("claimcheck_redis_up", "Whether Redis answered this scrape", value=0)
            return
        yield GaugeMetricFamily("claimcheck_redis_up", "Whether Redis answered this scrape", value=1)
        yield GaugeMetricFamily("claimcheck_queue_depth", "Jobs waiting in the broker queue", value=depth)
        finished = CounterMetricFamily("claimcheck_jobs_finished", "Finished jobs by status", labels=["status"])
        for status, count in sorted(figures.finished.items()):
            finished.add_metric([status], count)
        yield finished
        verdicts = CounterMetricFamily("claimcheck_verdicts", "Verdicts of succeeded jobs by label", labels=["label"])
        for label, count in sorted(figures.verdicts.items()):
            verdicts.add_metric([label], count)
        yield verdicts
        yield HistogramMetricFamily(
            "claimcheck_job_duration_seconds",
            "Time the engine took per job",
            buckets=[(floatToGoString(b), n) for b, n in figures.duration_buckets],
            sum_value=figures.duration_sum,
        )


def init_metrics(app: Flask) -> None:
    """Count every request by route, method and status, and serve /metrics."""
    registry = CollectorRegistry()
    requests_total = Counter(
        "claimcheck_http_requests",
        "HTTP requests by route, method and status",
        ["route", "method", "status"],
        registry=registry,
    )
    latency = Histogram(
        "claimcheck_http_request_duration_seconds",
        "HTTP request latency by route",
        ["route"],
        registry=registry,
    )
    registry.register(JobCollector(app.extensions["claimcheck.jobs"]))

    @app.before_request
    def _start_timer() -> None:
        g.request_started = time.perf_counter()

    @app.after_request
    def _count(response: Response) -> Response:
        route = request.url_rule.rule if request.url_rule else "unmatched"
        requests_total.labels(route, request.method, str(response.status_code)).inc()
        if "request_started" in g:
            latency.labels(route).observe(time.perf_counter() - g.request_started)
        return response

    @app.get("/metrics")
    def metrics() -> Response:
        """Prometheus text exposition."""
        return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)

    app.extensions["claimcheck.metrics"] = registry
