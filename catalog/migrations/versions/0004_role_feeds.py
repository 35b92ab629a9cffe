"""JobPosting feeds the catalog polls, with what each server said last (ETag, Last-Modified).

Revision ID: 0004_role_feeds
Revises: 0003_wages
"""

from alembic import op
import sqlalchemy as sa


revision = "0004_role_feeds"
down_revision = "0003_wages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "role_feeds",
        sa.Column("source", sa.String(length=80), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("etag", sa.String(length=300), nullable=True),
        sa.Column("last_modified", sa.String(length=100), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(length=500), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("roles", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("source"),
    )


def downgrade() -> None:
    op.drop_table("role_feeds")
