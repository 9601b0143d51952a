"""The Celery app. Settings come from Django's (CELERY_* names); see catalign/settings.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalign.settings")

app = Celery("catalign")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["workers"])
