"""Celery wired to the Flask app: Redis as broker and result store, settings that lose no job."""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from celery import Celery, Task
from celery.signals import worker_process_init, worker_ready, worker_shutdown
from celery.utils.nodenames import anon_nodename
from flask import Flask
from kombu.transport import redis as kombu_redis

QUEUE = "claimcheck"
CHECK_TASK = "claimcheck.check_article"
NOOP_TASK = "claimcheck.noop"
_EMBED = {"callbacks": None, "errbacks": None, "chain": None, "chord": None}
_ID, _TAG, _BODY, _ARGSREPR = '"@@id@@"', '"@@delivery_tag@@"', '"@@body@@"', '"@@argsrepr@@"'
_TEMPLATES: dict[tuple[int, str], str] = {}  # (pid, task name) -> the message with placeholders


def _template(name: str) -> str:
    """The message of task `name` from this process as JSON, with placeholders for what differs per message."""
    key = (os.getpid(), name)
    if key not in _TEMPLATES:  # origin and reply_to are made once per process, as Celery's own are
        _TEMPLATES[key] = json.dumps(
            {
                "body": "@@body@@",
                "content-encoding": "utf-8",
                "content-type": "application/json",
                "headers": {
                    "lang": "py",
                    "task": name,
                    "id": "@@id@@",
                    "shadow": None,
                    "eta": None,
                    "expires": None,
                    "group": None,
                    "group_index": None,
                    "retries": 0,
                    "timelimit": [None, None],
                    "root_id": "@@id@@",
                    "parent_id": None,
                    "argsrepr": "@@argsrepr@@",
                    "kwargsrepr": "{}",
                    "origin": anon_nodename(),
                    "ignore_result": True,
                    "replaced_task_nesting": 0,
                    "stamped_headers": None,
                    "stamps": {},
                },
                "properties": {
                    "correlation_id": "@@id@@",
                    "reply_to": str(uuid.uuid4()),
                    "delivery_mode": 2,
                    "delivery_info": {"exchange": "", "routing_key": QUEUE},
                    "priority": 0,
                    "body_encoding": "base64",
                    "delivery_tag": "@@delivery_tag@@",
                },
            }
        )
    return _TEMPLATES[key]


def task_message(name: str, args: Sequence[str]) -> str:
    """The message `send_task(name, args, ignore_result=True)` puts on QUEUE: Celery's task protocol 2 in kombu's
    Redis envelope, ready for LPUSH onto KEY_PREFIX + QUEUE.

    Built here because Celery's publishing path (producer pool, kombu channel, a Redis client made per publish)
    cost about 0.5 ms of the API's CPU per job against 0.08 ms for the LPUSH itself; the message is the same,
    which tests/test_queue.py checks against what `send_task` writes.
    """
    body = base64.b64encode(json.dumps([list(args), {}, _EMBED]).encode()).decode()
    return (
        _template(name)
        .replace(_ID, json.dumps(str(uuid.uuid4())))
        .replace(_TAG, json.dumps(str(uuid.uuid4())))
        .replace(_BODY, json.dumps(body))
        .replace(_ARGSREPR, json.dumps(repr(list(args))))
    )


class _Channel(kombu_redis.Channel):
    """kombu's Redis channel, keeping one synchronous client per connection pool instead of making one per call.

    kombu builds a new redis.Redis for every acknowledgement, QoS update and publish, and redis-py fills a table of
    a few hundred response callbacks in each: about 0.25 ms of a worker's main process per task. The client is
    thread-safe and stateless apart from its pool, which is still kombu's; asynchronous clients are left alone.
    """

    _client_for_pool: Any = None

    def _create_client(self, asynchronous: bool = False) -> Any:
        if asynchronous:
            return super()._create_client(asynchronous=True)
        client = self._client_for_pool
        if client is None or client.connection_pool is not self.pool:
            client = self._client_for_pool = super()._create_client()
        return client


class Transport(kombu_redis.Transport):
    """kombu's Redis transport with `_Channel` (the `broker_transport` of every claimcheck Celery app)."""

    Channel = _Channel


def celery_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """Celery settings derived from the app configuration."""
    prefix = config["KEY_PREFIX"]
    return {
        "broker_url": config["REDIS_URL"],
        "broker_transport": f"{__name__}:Transport",
        "result_backend": config["REDIS_URL"],
        "broker_transport_options": {
            # Longer than the hard time limit, so a running job is never handed to a second worker.
            "visibility_timeout": config["VISIBILITY_TIMEOUT"],
            "unacked_restore_interval": config["RESTORE_INTERVAL"],
            "unacked_restore_throttle": 1,
            "global_keyprefix": prefix,
            "socket_connect_timeout": 2,
        },
        "result_backend_transport_options": {"global_keyprefix": prefix},
        "task_default_queue": QUEUE,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "worker_cancel_long_running_tasks_on_connection_loss": True,
        "task_soft_time_limit": config["TASK_SOFT_TIME_LIMIT"],
        "task_time_limit": config["TASK_TIME_LIMIT"],
        "task_ignore_result": True,
        "result_expires": 3600,
        "task_serializer": "json",
        "accept_content": ["json"],
        "broker_connection_retry_on_startup": True,
        "task_publish_retry_policy": {
            "max_retries": 2,
            "interval_start": 0,
            "interval_step": 0.1,
            "interval_max": 0.2,
        },
    }


def celery_init_app(app: Flask) -> Celery:
    """Create the app's Celery instance; its tasks run inside the Flask app context."""

    class FlaskTask(Task):
        """A task running inside the Flask app context (config and job store at hand)."""

        def __call__(self, *args: object, **kwargs: object) -> object:
            with app.app_context():
                return self.run(*args, **kwargs)

    celery_app = Celery(app.name, task_cls=FlaskTask)
    celery_app.config_from_object(celery_config(app.config))
    import workers.tasks  # noqa: F401  (registers the shared tasks with this app)

    celery_app.set_default()
    app.extensions["celery"] = celery_app
    _reap_in_workers(app)
    _warm_in_pool_processes(app)
    return celery_app


def _reap_in_workers(app: Flask) -> None:
    """Run the lease reaper in a worker's main process while it is up (API processes never get the signal)."""

    def started(sender: object, **kwargs: object) -> None:
        from workers.reaper import start_reaper

        app.extensions["claimcheck.reaper"] = start_reaper(app)

    def stopping(sender: object, **kwargs: object) -> None:
        if reaper := app.extensions.get("claimcheck.reaper"):
            reaper.stopped.set()

    worker_ready.connect(started, weak=False)
    worker_shutdown.connect(stopping, weak=False)


def _warm_in_pool_processes(app: Flask) -> None:
    """Each new pool process compiles the reference table and starts its watcher at once, not on its first job."""

    def warm(**kwargs: object) -> None:
        from workers.livetable import live_table

        live_table(app.config).warm()

    worker_process_init.connect(warm, weak=False)
