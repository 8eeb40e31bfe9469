"""The Celery app for `celery -A workers.celery_app worker`; its logs are JSON lines (service.logs)."""

from celery.signals import setup_logging

from service import create_app
from service.logs import configure_logging

setup_logging.connect(lambda loglevel=None, **kwargs: configure_logging(loglevel or "INFO"), weak=False)

flask_app = create_app()
celery_app = flask_app.extensions["celery"]
