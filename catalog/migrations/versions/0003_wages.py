"""BLS OEWS wages by occupation and area, and the ZIP code to metro area crosswalk.

Revision ID: 0003_wages
Revises: 0002_sources
"""

from alembic import op
import sqlalchemy as sa


revision = '0003_wages'
down_revision = '0002_sources'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('wages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('occupation_code', sa.String(length=7), nullable=False),
    sa.Column('occupation_title', sa.String(length=200), nullable=False),
    sa.Column('area_code', sa.String(length=7), nullable=False),
    sa.Column('area_type', sa.String(length=10), nullable=False),
    sa.Column('area_name', sa.String(length=200), nullable=False),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('release', sa.String(length=40), nullable=False),
    sa.Column('employment', sa.Integer(), nullable=True),
    sa.Column('hourly_p10', sa.Float(), nullable=True),
    sa.Column('hourly_median', sa.Float(), nullable=True),
    sa.Column('hourly_p90', sa.Float(), nullable=True),
    sa.Column('annual_p10', sa.Float(), nullable=True),
    sa.Column('annual_median', sa.Float(), nullable=True),
    sa.Column('annual_p90', sa.Float(), nullable=True),
    sa.Column('top_coded', sa.JSON(), nullable=False),
    sa.Column('notes', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('occupation_code', 'area_code', name='uq_wages_occupation_area')
    )
    op.create_table('wage_zip_areas',
    sa.Column('zip', sa.String(length=5), nullable=False),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('area_code', sa.String(length=7), nullable=True),
    sa.PrimaryKeyConstraint('zip')
    )


def downgrade() -> None:
    op.drop_table('wage_zip_areas')
    op.drop_table('wages')
