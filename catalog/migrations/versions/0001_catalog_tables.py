"""Catalog tables, and the full-text index each database does best.

Revision ID: 0001
Revises:
"""

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('funding',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('sponsor', sa.String(length=80), nullable=True),
    sa.Column('amount_max', sa.Float(), nullable=True),
    sa.Column('states', sa.String(length=400), nullable=False),
    sa.Column('audiences', sa.String(length=200), nullable=False),
    sa.Column('employer', sa.String(length=80), nullable=True),
    sa.Column('employees_only', sa.Boolean(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('programs', sa.String(length=2000), nullable=False),
    sa.Column('general', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=True),
    sa.Column('last_verified', sa.Date(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('funding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_employer'), ['employer'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_general'), ['general'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_kind'), ['kind'], unique=False)

    op.create_table('occupations',
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('soc_code', sa.String(length=12), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=True),
    sa.Column('last_verified', sa.Date(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('occupations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_occupations_soc_code'), ['soc_code'], unique=False)

    op.create_table('organizations',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=True),
    sa.Column('last_verified', sa.Date(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    op.create_table('programs',
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=True),
    sa.Column('tuition', sa.Float(), nullable=True),
    sa.Column('states', sa.String(length=400), nullable=False),
    sa.Column('audiences', sa.String(length=200), nullable=False),
    sa.Column('employees_only', sa.Boolean(), nullable=False),
    sa.Column('last_deadline', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=80), nullable=False),
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('source_url', sa.String(length=500), nullable=True),
    sa.Column('last_verified', sa.Date(), nullable=True),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('programs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programs_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_programs_last_deadline'), ['last_deadline'], unique=False)

    op.create_table('referrals',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=False),
    sa.Column('contact_method', sa.String(length=20), nullable=False),
    sa.Column('consent', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=True),
    sa.Column('conversation_id', sa.String(length=200), nullable=True),
    sa.Column('channel', sa.String(length=40), nullable=True),
    sa.Column('topic', sa.String(length=300), nullable=True),
    sa.Column('context', sa.JSON(), nullable=False),
    sa.Column('advisor_note', sa.String(length=2000), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referrals_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_referrals_status'), ['status'], unique=False)

    op.create_table('roles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=80), nullable=False),
    sa.Column('source_id', sa.String(length=120), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('occupation_key', sa.String(length=80), nullable=True),
    sa.Column('employer', sa.String(length=300), nullable=True),
    sa.Column('state', sa.String(length=2), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('entry_level', sa.Boolean(), nullable=True),
    sa.Column('valid_through', sa.Date(), nullable=True),
    sa.Column('date_posted', sa.Date(), nullable=True),
    sa.Column('demo', sa.Boolean(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('source', 'source_id', name='uq_roles_source')
    )
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_roles_employer'), ['employer'], unique=False)
        batch_op.create_index('ix_roles_lat_lon', ['lat', 'lon'], unique=False)
        batch_op.create_index('ix_roles_occupation_lat', ['occupation_key', 'lat'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_state'), ['state'], unique=False)
        batch_op.create_index(batch_op.f('ix_roles_valid_through'), ['valid_through'], unique=False)

    op.create_table('search_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'record_id', name='uq_search_kind_record')
    )
    op.create_table('funding_occupations',
    sa.Column('funding_id', sa.Integer(), nullable=False),
    sa.Column('occupation_key', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['funding_id'], ['funding.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('funding_id', 'occupation_key')
    )
    with op.batch_alter_table('funding_occupations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_funding_occupations_occupation_key'), ['occupation_key'], unique=False)

    op.create_table('program_occupations',
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('occupation_key', sa.String(length=80), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['programs.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('program_id', 'occupation_key')
    )
    with op.batch_alter_table('program_occupations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_occupations_occupation_key'), ['occupation_key'], unique=False)


    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # An external-content FTS5 index over search_documents, kept in step by triggers.
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_documents', "
            "content_rowid='id', tokenize='porter unicode61')"
        )
        op.execute(
            "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
            "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END"
        )
        op.execute(
            "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); END"
        )
        op.execute(
            "CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN "
            "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); "
            "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END"
        )
    elif bind.dialect.name == "postgresql":
        op.execute(
            "CREATE INDEX ix_search_documents_tsv ON search_documents "
            "USING gin (to_tsvector('english', body))"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS search_fts")
    with op.batch_alter_table('program_occupations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_occupations_occupation_key'))

    op.drop_table('program_occupations')
    with op.batch_alter_table('funding_occupations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_occupations_occupation_key'))

    op.drop_table('funding_occupations')
    op.drop_table('search_documents')
    with op.batch_alter_table('roles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_roles_valid_through'))
        batch_op.drop_index(batch_op.f('ix_roles_state'))
        batch_op.drop_index('ix_roles_occupation_lat')
        batch_op.drop_index('ix_roles_lat_lon')
        batch_op.drop_index(batch_op.f('ix_roles_employer'))

    op.drop_table('roles')
    with op.batch_alter_table('referrals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referrals_status'))
        batch_op.drop_index(batch_op.f('ix_referrals_conversation_id'))

    op.drop_table('referrals')
    with op.batch_alter_table('programs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programs_last_deadline'))
        batch_op.drop_index(batch_op.f('ix_programs_kind'))

    op.drop_table('programs')
    op.drop_table('organizations')
    with op.batch_alter_table('occupations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_occupations_soc_code'))

    op.drop_table('occupations')
    with op.batch_alter_table('funding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_kind'))
        batch_op.drop_index(batch_op.f('ix_funding_employer'))
        batch_op.drop_index(batch_op.f('ix_funding_deadline'))

    op.drop_table('funding')
