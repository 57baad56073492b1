"""Alembic migrations of the store, run by ``store.migrate`` when a store is opened (no
alembic.ini: the configuration is made in code). ``versions/NNNN_*.py``: one per schema
version, revision id ``"NNNN"``, so the id says which ``SCHEMA_VERSION`` it makes."""
