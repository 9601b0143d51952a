"""A real Celery worker process consuming from the real Redis, against the test database."""

import os
import subprocess
import sys
import time
import uuid
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection

from workers.celery import app as celery_app

REDIS_URL = os.environ.get("CATALIGN_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def database_url_for_subprocess() -> str:
    db = connection.settings_dict
    host = quote(db["HOST"] or "localhost", safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    password = f":{quote(db['PASSWORD'])}" if db.get("PASSWORD") else ""
    return f"postgresql://{db['USER']}{password}@{host}{port}/{db['NAME']}"


def worker_env(media_root) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url_for_subprocess(),
        CELERY_BROKER_URL=REDIS_URL,
        CATALIGN_MEDIA_ROOT=str(media_root),
        DJANGO_SETTINGS_MODULE="catalign.settings",
    )
    return env


def start_worker(media_root, queues: str = "default,gpu") -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "workers", "worker", "--pool", "solo", "-Q", queues,
               "--without-heartbeat", "--without-gossip", "--without-mingle", "--loglevel", "INFO",
               "-n", f"test-{uuid.uuid4().hex[:8]}@%h"]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=worker_env(media_root),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def stop_worker(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.stdout.read() if process.stdout else ""


@pytest.fixture
def redis_broker():
    """Route this test's tasks through the real Redis instead of running them in-process."""
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.fail(f"Redis is not answering at {REDIS_URL} (.ci/run starts it)")
    client.flushdb()
    saved = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=REDIS_URL, task_always_eager=False)
    celery_app._pool = None
    yield client
    celery_app.conf.update(saved)
    celery_app._pool = None
    client.flushdb()


@pytest.fixture
def celery_worker_process(transactional_db, redis_broker, media_root):
    process = start_worker(media_root)
    yield process
    output = stop_worker(process)
    print(output[-4000:])


def wait_until(predicate, timeout: float = 60.0, interval: float = 0.25):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout:.0f}s")
