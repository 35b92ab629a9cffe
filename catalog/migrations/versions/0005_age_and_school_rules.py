"""Programs' and funds' age and school rules as columns, so /match narrows its candidates in SQL.

Revision ID: 0005_age_and_school_rules
Revises: 0004_role_feeds
"""

from alembic import op
import sqlalchemy as sa

from catalog.records import plain_rules
from catalog.writers import age_and_school_columns

revision = "0005_age_and_school_rules"
down_revision = "0004_role_feeds"
branch_labels = None
depends_on = None

TABLES = ("programs", "funding")


def upgrade() -> None:
    # Plain ALTER TABLE ... ADD COLUMN: a batch operation would copy the table on SQLite, and
    # dropping the old copy would cascade to the occupation links.
    for name in TABLES:
        for column in ("min_age", "max_age", "min_grade", "max_grade", "education_rank"):
            op.add_column(name, sa.Column(column, sa.Integer(), nullable=True))
        op.add_column(name, sa.Column("student_status", sa.String(length=100), nullable=False, server_default=""))
        op.add_column(name, sa.Column("for_position", sa.Boolean(), nullable=False, server_default=sa.false()))
    # Fill the columns of the records already imported, from the rules they hold.
    bind = op.get_bind()
    for name in TABLES:
        table = sa.table(name, sa.column("id", sa.Integer), sa.column("data", sa.JSON),
                         *[sa.column(c) for c in age_and_school_columns({})])
        rows = [
            {"row_id": row_id, **age_and_school_columns(plain_rules((data or {}).get("eligibility")))}
            for row_id, data in bind.execute(sa.select(table.c.id, table.c.data))
        ]
        if rows:
            columns = {c: sa.bindparam(c) for c in age_and_school_columns({})}
            bind.execute(table.update().where(table.c.id == sa.bindparam("row_id")).values(**columns), rows)


def downgrade() -> None:
    for name in TABLES:
        for column in ("for_position", "student_status", "education_rank", "max_grade", "min_grade", "max_age", "min_age"):
            op.drop_column(name, column)
