"""Creating and upgrading a store with Alembic (``migrations/``), in place.

A new store is built by running every migration from the baseline (so a fresh store and an
upgraded one are made by the same code); a store written before Alembic came in (version 6,
no ``alembic_version`` table) is first stamped with the revision of its version. An upgrade
keeps every row: articles, claims, actors and each judgement, merged or split; nothing is
re-ingested. ``meta.schema_version`` follows the revision, so an older wirecoder that
checks it refuses a newer store instead of misreading it.
"""

from __future__ import annotations

from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"


def config(connection):
    """An Alembic ``Config`` for the bundled migrations, running on ``connection`` (a
    SQLAlchemy ``Connection``): no alembic.ini is needed."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(url: str, creator=None, *, name, revision: str = "head") -> None:
    """Bring the store at SQLAlchemy ``url`` (connected by ``creator()`` when given) up to
    ``revision`` (default: the newest) in one transaction. ``name`` names the store in
    errors. Raises ``StoreError`` if it fails."""
    from alembic import command
    from sqlalchemy import create_engine, inspect, text

    from ..errors import StoreError

    engine = create_engine(url, poolclass=_null_pool(),
                           **({"creator": creator} if creator else {}))
    try:
        with engine.begin() as connection:
            cfg = config(connection)
            tables = set(inspect(connection).get_table_names())
            if "meta" in tables and "alembic_version" not in tables:
                found = connection.execute(text(
                    "SELECT value FROM meta WHERE key = 'schema_version'")).scalar()
                command.stamp(cfg, f"{int(found):04d}")  # written before migrations
            command.upgrade(cfg, revision)
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 (any failure: said with the store's name)
        raise StoreError(f"could not create or upgrade {name}: {type(exc).__name__}: "
                         f"{str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
                         ) from exc
    finally:
        engine.dispose()


def _null_pool():
    from sqlalchemy.pool import NullPool

    return NullPool
