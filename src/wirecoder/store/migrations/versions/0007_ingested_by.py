"""7: ``articles.ingested_by``, who stored each article (``user@host``), for a store that
several people and machines write into. Existing articles keep NULL: nobody knows."""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    text = sa.Text().with_variant(postgresql.TEXT(collation="C"), "postgresql")
    op.add_column("articles", sa.Column("ingested_by", text))
    op.execute("UPDATE meta SET value = '7' WHERE key = 'schema_version'")


def downgrade() -> None:
    op.drop_column("articles", "ingested_by")
    op.execute("UPDATE meta SET value = '6' WHERE key = 'schema_version'")
