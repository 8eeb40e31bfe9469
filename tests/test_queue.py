"""Celery settings that keep accepted jobs: late acks, redelivery, limits under the visibility timeout."""

from __future__ import annotations

import base64
import json

from service import create_app
from workers.queue import CHECK_TASK, NOOP_TASK, QUEUE, _Channel, task_message


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


def _normalised(raw: str) -> dict:
    """A queued message with what differs per message or per sender blanked out, its body decoded."""
    message = json.loads(raw)
    for member in ("id", "root_id"):
        message["headers"][member] = "<id>"
    for member in ("correlation_id", "delivery_tag", "reply_to"):
        message["properties"][member] = f"<{member}>"
    message["body"] = json.loads(base64.b64decode(message["body"]))
    return message


def test_task_message_is_what_send_task_writes(base_config: dict, redis) -> None:
    app = create_app({**base_config, "KEY_PREFIX": base_config["KEY_PREFIX"] + "send-task-test:"})  # no worker here
    queue = app.config["KEY_PREFIX"] + QUEUE
    redis.delete(queue)
    app.extensions["celery"].send_task(CHECK_TASK, args=["job-1"], ignore_result=True)
    sent = redis.rpop(queue)
    ours = task_message(CHECK_TASK, ["job-1"])
    assert _normalised(ours) == _normalised(sent)
    parsed = json.loads(ours)
    assert parsed["headers"]["id"] == parsed["headers"]["root_id"] == parsed["properties"]["correlation_id"]
    assert json.loads(task_message(CHECK_TASK, ["job-1"]))["headers"]["id"] != parsed["headers"]["id"]


def test_task_message_escapes_its_arguments() -> None:
    message = json.loads(task_message(CHECK_TASK, ['a "quoted" \\ id']))
    assert message["headers"]["argsrepr"] == repr(['a "quoted" \\ id'])
    assert json.loads(base64.b64decode(message["body"]))[0] == ['a "quoted" \\ id']


def test_the_broker_channel_keeps_one_client(app) -> None:
    with app.extensions["celery"].connection_for_write() as connection:
        channel = connection.default_channel
        assert isinstance(channel, _Channel)
        assert channel._create_client() is channel._create_client()
        assert channel._create_client(asynchronous=True) is not channel._create_client(asynchronous=True)
