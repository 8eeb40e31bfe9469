"""The WSGI entry point gunicorn serves (`service.wsgi:app`): JSON log lines on stderr, then the app."""

from service import create_app
from service.logs import configure_logging

configure_logging()
app = create_app()
