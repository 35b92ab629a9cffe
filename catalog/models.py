"""Database tables. Each record keeps its full, validated document in `data` (what the API
returns) and copies the facts that searches filter on into indexed columns, so filtering and
ranking happen in the database, not in a Python scan."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import (
    JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text,
    UniqueConstraint, func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Sourced:
    """Columns every imported record has: where it came from and, for occupations, when it was
    checked (programs, funds and organizations get theirs from SourceCheck)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(80), unique=True)
    source_url: Mapped[str | None] = mapped_column(String(500))
    last_verified: Mapped[dt.date | None] = mapped_column(Date)
    data: Mapped[dict] = mapped_column(JSON)


class Occupation(Sourced, Base):
    __tablename__ = "occupations"
    title: Mapped[str] = mapped_column(String(300))
    soc_code: Mapped[str] = mapped_column(String(12), index=True)


class Organization(Sourced, Base):
    __tablename__ = "organizations"
    name: Mapped[str] = mapped_column(String(300))
    # Other names people use ("Futuro", "KPSAHS"), space-separated, for name searches.
    aliases: Mapped[str] = mapped_column(String(1000), default="")


class AgeAndSchoolRules:
    """A program's or fund's age and school rules copied out of `data` (where eligibility.py reads
    them), so a match leaves out in SQL the records those rules rule a person out of."""

    min_age: Mapped[int | None] = mapped_column(Integer)
    max_age: Mapped[int | None] = mapped_column(Integer)
    min_grade: Mapped[int | None] = mapped_column(Integer)
    max_grade: Mapped[int | None] = mapped_column(Integer)
    # ",high_school,college,"; "" when anyone may apply whatever their schooling.
    student_status: Mapped[str] = mapped_column(String(100), default="")
    # The index in EDUCATION_LEVELS of the schooling it needs; NULL when it needs none.
    education_rank: Mapped[int | None] = mapped_column(Integer)
    # For people who hold a position (a job or role): not for students or minors.
    for_position: Mapped[bool] = mapped_column(Boolean, default=False)


class Program(AgeAndSchoolRules, Sourced, Base):
    __tablename__ = "programs"
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    format: Mapped[str | None] = mapped_column(String(20))
    tuition: Mapped[float | None] = mapped_column(Float)
    # ",CA,WA," so a state filter is one LIKE on an already narrowed set; "" means nationwide.
    states: Mapped[str] = mapped_column(String(400), default="")
    audiences: Mapped[str] = mapped_column(String(200), default="")
    employees_only: Mapped[bool] = mapped_column(Boolean, default=False)
    # The last published deadline; a program whose last deadline has passed is hidden.
    last_deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # ",hispanic_latino,black,": the groups it serves, with a source (eligibility.groups).
    groups: Mapped[str] = mapped_column(String(400), default="")
    occupations: Mapped[list["ProgramOccupation"]] = relationship(
        cascade="all, delete-orphan", lazy="select"
    )


class ProgramOccupation(Base):
    __tablename__ = "program_occupations"
    program_id: Mapped[int] = mapped_column(
        ForeignKey("programs.id", ondelete="CASCADE"), primary_key=True
    )
    occupation_key: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)


class Funding(AgeAndSchoolRules, Sourced, Base):
    __tablename__ = "funding"
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30), index=True)
    sponsor: Mapped[str | None] = mapped_column(String(80))
    amount_max: Mapped[float | None] = mapped_column(Float)
    states: Mapped[str] = mapped_column(String(400), default="")
    audiences: Mapped[str] = mapped_column(String(200), default="")
    employer: Mapped[str | None] = mapped_column(String(80), index=True)
    employees_only: Mapped[bool] = mapped_column(Boolean, default=False)
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    # ",program_a,program_b,": the programs this fund pays for, when it is tied to some.
    programs: Mapped[str] = mapped_column(String(2000), default="")
    # A fund that names no occupation (a general scholarship) applies to every career.
    general: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    groups: Mapped[str] = mapped_column(String(400), default="")
    occupations: Mapped[list["FundingOccupation"]] = relationship(
        cascade="all, delete-orphan", lazy="select"
    )


class FundingOccupation(Base):
    __tablename__ = "funding_occupations"
    funding_id: Mapped[int] = mapped_column(
        ForeignKey("funding.id", ondelete="CASCADE"), primary_key=True
    )
    occupation_key: Mapped[str] = mapped_column(String(80), primary_key=True, index=True)


class Role(Base):
    __tablename__ = "roles"
    __table_args__ = (
        UniqueConstraint("source", "source_id", name="uq_roles_source"),
        # Radius searches narrow by occupation and a latitude band, then check longitude.
        Index("ix_roles_occupation_lat", "occupation_key", "lat"),
        Index("ix_roles_lat_lon", "lat", "lon"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(80))
    source_id: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(300))
    occupation_key: Mapped[str | None] = mapped_column(String(80))
    employer: Mapped[str | None] = mapped_column(String(300), index=True)
    state: Mapped[str | None] = mapped_column(String(2), index=True)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    entry_level: Mapped[bool | None] = mapped_column(Boolean)
    valid_through: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_posted: Mapped[dt.date | None] = mapped_column(Date)
    demo: Mapped[bool] = mapped_column(Boolean, default=False)
    # Another feed listed first in ROLE_FEEDS holds the same posting; that copy is served.
    duplicate: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict] = mapped_column(JSON)


class RoleFeed(Base):
    """One JobPosting feed the catalog polls (ROLE_FEEDS): what its server said last time, so the
    next request is conditional, and how the last poll went. Its roles have `source` = `source`."""

    __tablename__ = "role_feeds"
    source: Mapped[str] = mapped_column(String(80), primary_key=True)
    url: Mapped[str] = mapped_column(String(2000))
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # "updated", "not_modified" or "failed" (the roles of the last good fetch are kept).
    status: Mapped[str | None] = mapped_column(String(20))
    http_status: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(500))
    # When the feed last gave a good list, and how many roles it held.
    fetched_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    roles: Mapped[int] = mapped_column(Integer, default=0)
    # Its place in ROLE_FEEDS: of two feeds listing the same posting, the first one's copy is served.
    position: Mapped[int | None] = mapped_column(Integer)


class SearchDocument(Base):
    """Text of every program, fund and role, for full-text search (FTS5 on SQLite, a tsvector
    GIN index on PostgreSQL: see search.py and the migration)."""

    __tablename__ = "search_documents"
    __table_args__ = (UniqueConstraint("kind", "record_id", name="uq_search_kind_record"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)


class SourceCheck(Base):
    """The latest check of one source URL by `python -m ops verify-sources`: what the server
    answered, and whether the passages records quote from it are still there. A record's
    `last_verified` is the day all of its URL sources last passed such a check."""

    __tablename__ = "source_checks"
    url: Mapped[str] = mapped_column(String(500), primary_key=True)
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    # "ok", "moved" (redirected, quotes found), "changed" (a quote is gone), "dead" (error or 4xx/5xx).
    status: Mapped[str] = mapped_column(String(20))
    http_status: Mapped[int | None] = mapped_column(Integer)
    final_url: Mapped[str | None] = mapped_column(String(1000))
    etag: Mapped[str | None] = mapped_column(String(300))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    # Quotes (from any record) that were not found in the page at the last check.
    missing_quotes: Mapped[list] = mapped_column(JSON, default=list)
    # The quotes looked for at the last check (a 304 vouches only for these).
    checked_quotes: Mapped[list] = mapped_column(JSON, default=list)
    # The last day the page answered and every passage quoted from it was there.
    last_ok: Mapped[dt.date | None] = mapped_column(Date)


def new_referral_id() -> str:
    return uuid.uuid4().hex


class Referral(Base):
    __tablename__ = "referrals"
    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_referral_id)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    contact: Mapped[str] = mapped_column(String(200))
    contact_method: Mapped[str] = mapped_column(String(20))
    consent: Mapped[bool] = mapped_column(Boolean)
    name: Mapped[str | None] = mapped_column(String(200))
    conversation_id: Mapped[str | None] = mapped_column(String(200), index=True)
    channel: Mapped[str | None] = mapped_column(String(40))
    topic: Mapped[str | None] = mapped_column(String(300))
    context: Mapped[dict] = mapped_column(JSON, default=dict)
    advisor_note: Mapped[str | None] = mapped_column(String(2000))


class Wage(Base):
    """BLS OEWS pay for one occupation in one area: the nation, a state or a metro area.

    Figures are BLS's published estimates for all industries. A figure BLS top-codes ("equal to
    or greater than" its ceiling) holds that ceiling and is named in `top_coded`, so it is said
    as "at least". A figure BLS did not publish is NULL, with the reason in `notes`."""

    __tablename__ = "wages"
    __table_args__ = (UniqueConstraint("occupation_code", "area_code", name="uq_wages_occupation_area"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    occupation_code: Mapped[str] = mapped_column(String(7))
    occupation_title: Mapped[str] = mapped_column(String(200))
    area_code: Mapped[str] = mapped_column(String(7))
    area_type: Mapped[str] = mapped_column(String(10))
    area_name: Mapped[str] = mapped_column(String(200))
    state: Mapped[str | None] = mapped_column(String(2))
    release: Mapped[str] = mapped_column(String(40))
    employment: Mapped[int | None] = mapped_column(Integer)
    hourly_p10: Mapped[float | None] = mapped_column(Float)
    hourly_median: Mapped[float | None] = mapped_column(Float)
    hourly_p90: Mapped[float | None] = mapped_column(Float)
    annual_p10: Mapped[float | None] = mapped_column(Float)
    annual_median: Mapped[float | None] = mapped_column(Float)
    annual_p90: Mapped[float | None] = mapped_column(Float)
    top_coded: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[dict] = mapped_column(JSON, default=dict)


class WageZip(Base):
    """Which OEWS metro area a ZIP code lies in (the one holding most of its addresses, from
    HUD's ZIP-to-CBSA crosswalk); `area_code` is NULL for a ZIP outside every metro area."""

    __tablename__ = "wage_zip_areas"
    zip: Mapped[str] = mapped_column(String(5), primary_key=True)
    state: Mapped[str | None] = mapped_column(String(2))
    area_code: Mapped[str | None] = mapped_column(String(7))


class CatalogChanges(Base):
    """A single row whose stamp is replaced in every transaction that writes records (catalog/changes.py)."""

    __tablename__ = "catalog_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    stamp: Mapped[str] = mapped_column(String(32))
