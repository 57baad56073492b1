"""The two stores the tests run on: an SQLite file (always) and PostgreSQL, when
``WIRECODER_TEST_PG`` names a server (``.ci/run`` starts one and sets it; a local run without
it skips the PostgreSQL half, saying why). Each PostgreSQL "file" is a schema of its own in
that database, reached through the URL's ``search_path``, dropped after the test."""

from __future__ import annotations

import os
import re
import uuid

PG_ENV = "WIRECODER_TEST_PG"
SKIP = (f"PostgreSQL tests need {PG_ENV}=postgresql://user@host/db (.ci/run starts a server "
        "and sets it)")


def pg_base() -> str | None:
    return os.environ.get(PG_ENV) or None


class PgStores:
    """``stores / "name.db"``: the URL of a fresh, empty schema named after the test and
    ``name`` (the same name gives the same store, as a path would)."""

    def __init__(self, base: str):
        self.base = base
        self.prefix = "t" + uuid.uuid4().hex[:10]
        self.schemas: list[str] = []

    def __truediv__(self, name) -> str:
        schema = f"{self.prefix}_{re.sub(r'[^a-z0-9]+', '_', str(name).lower())}"[:63]
        if schema not in self.schemas:
            self._sql(f'CREATE SCHEMA "{schema}"')
            self.schemas.append(schema)
        return url_with_schema(self.base, schema)

    def drop(self) -> None:
        for schema in self.schemas:
            self._sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')

    def _sql(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.base, autocommit=True) as conn:
            conn.execute(sql)


def url_with_schema(base: str, schema: str) -> str:
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
