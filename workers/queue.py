"""Celery wired to the Flask app: Redis as broker and result store, settings that lose no job."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from celery import Celery, Task
from celery.signals import worker_ready, worker_shutdown
from flask import Flask

QUEUE = "claimcheck"
CHECK_TASK = "claimcheck.check_article"
NOOP_TASK = "claimcheck.noop"


def celery_config(config: Mapping[str, Any]) -> dict[str, Any]:
    """Celery settings derived from the app configuration."""
    prefix = config["KEY_PREFIX"]
    return {
        "broker_url": config["REDIS_URL"],
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
