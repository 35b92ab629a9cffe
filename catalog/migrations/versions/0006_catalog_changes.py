"""One row saying when the catalog's records last changed, so every catalog process can tell
whether what it built from them (the occupation and name indexes) is still current.

Revision ID: 0006_catalog_changes
Revises: 0005_age_and_school_rules
"""

import secrets

from alembic import op
import sqlalchemy as sa

revision = "0006_catalog_changes"
down_revision = "0005_age_and_school_rules"
branch_labels = None
depends_on = None


def upgrade() -> None:
    table = op.create_table(
        "catalog_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stamp", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.bulk_insert(table, [{"id": 1, "stamp": secrets.token_hex(16)}])


def downgrade() -> None:
    op.drop_table("catalog_changes")
