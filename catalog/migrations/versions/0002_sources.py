"""Sourced rules: the groups programs and funds serve, organizations' other names, and the
checks of source links.

Revision ID: 0002_sources
Revises: 0001
"""

from alembic import op
import sqlalchemy as sa


revision = "0002_sources"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("programs") as batch_op:
        batch_op.add_column(sa.Column("groups", sa.String(length=400), nullable=False, server_default=""))
    with op.batch_alter_table("funding") as batch_op:
        batch_op.add_column(sa.Column("groups", sa.String(length=400), nullable=False, server_default=""))
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.add_column(sa.Column("aliases", sa.String(length=1000), nullable=False, server_default=""))
    op.create_table(
        "source_checks",
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("final_url", sa.String(length=1000), nullable=True),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("missing_quotes", sa.JSON(), nullable=False),
        sa.Column("checked_quotes", sa.JSON(), nullable=False),
        sa.Column("last_ok", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("url"),
    )


def downgrade() -> None:
    op.drop_table("source_checks")
    with op.batch_alter_table("organizations") as batch_op:
        batch_op.drop_column("aliases")
    with op.batch_alter_table("funding") as batch_op:
        batch_op.drop_column("groups")
    with op.batch_alter_table("programs") as batch_op:
        batch_op.drop_column("groups")
