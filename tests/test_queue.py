"""Celery settings that keep accepted jobs: late acks, redelivery, limits under the visibility timeout."""

from __future__ import annotations

from workers.queue import CHECK_TASK, NOOP_TASK, QUEUE


def test_no_job_is_lost_settings(app) -> None:
    conf = app.extensions["celery"].conf
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
    transport = conf.broker_transport_options
    assert conf.task_soft_time_limit < conf.task_time_limit < transport["visibility_timeout"]
    assert transport["global_keyprefix"] == app.config["KEY_PREFIX"]
    assert conf.broker_url == conf.result_backend == app.config["REDIS_URL"]
    assert conf.task_default_queue == QUEUE


def test_tasks_are_registered_by_name(app) -> None:
    tasks = app.extensions["celery"].tasks
    assert {CHECK_TASK, NOOP_TASK} <= tasks.keys()
    assert tasks[CHECK_TASK].ignore_result and not tasks[NOOP_TASK].ignore_result


def test_tasks_run_in_the_app_context(app) -> None:
    task = app.extensions["celery"].tasks[CHECK_TASK]
    assert task("00000000-0000-4000-8000-000000000000") == "gone"
