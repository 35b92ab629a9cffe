"""A posting listed by two feeds is shown once: the copy of the feed listed first in ROLE_FEEDS
(role_feeds.position) is kept, the others are marked as duplicates and not served.

Revision ID: 0007_one_role_per_posting
Revises: 0006_catalog_changes
"""

from alembic import op
import sqlalchemy as sa

revision = "0007_one_role_per_posting"
down_revision = "0006_catalog_changes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("roles", sa.Column("duplicate", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("role_feeds", sa.Column("position", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("role_feeds", "position")
    op.drop_column("roles", "duplicate")
