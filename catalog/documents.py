"""Database rows to the documents the API returns (docs/catalog-api.md, "Shapes")."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import eligibility, models, sources, wages
from catalog.records import plain_rules, rule_sources

ONET_LINK = "https://www.onetonline.org/link/summary/{code}"


class Names:
    """Titles of occupations and names of organizations, loaded once per request for the keys
    a page of results mentions."""

    def __init__(self, session: Session):
        self.session = session
        self.occupations: dict[str, str] = {}
        self.organizations: dict[str, str] = {}
        # Latest verify-sources check of each source URL the documents cite.
        self.checks: dict[str, models.SourceCheck] = {}
        self.memberships: dict[str, set[str]] = {}

    def member_of(self, key: str) -> set[str]:
        """The unions and coalitions a union belongs to, as its record cites them; a coalition's
        own set holds eligibility.FEDERATION (its members are not listed in full here)."""
        if key not in self.memberships:
            data = self.session.scalar(select(models.Organization.data).where(models.Organization.key == key)) or {}
            found = set((data.get("member_of") or {}).get("value") or [])
            if "federation" in (data.get("roles") or []):
                found.add(eligibility.FEDERATION)
            self.memberships[key] = found
        return self.memberships[key]

    def load_checks(self, urls: Iterable[str]) -> "Names":
        wanted = {u for u in urls if u not in self.checks}
        if wanted:
            for check in self.session.scalars(select(models.SourceCheck).where(models.SourceCheck.url.in_(wanted))):
                self.checks[check.url] = check
        return self

    def load(self, occupation_keys: Iterable[str] = (), organization_keys: Iterable[str] = ()) -> "Names":
        wanted = {k for k in occupation_keys if k and k not in self.occupations}
        if wanted:
            self.occupations.update(self.session.execute(
                select(models.Occupation.key, models.Occupation.title).where(models.Occupation.key.in_(wanted))
            ).all())
        wanted = {k for k in organization_keys if k and k not in self.organizations}
        if wanted:
            self.organizations.update(self.session.execute(
                select(models.Organization.key, models.Organization.name).where(models.Organization.key.in_(wanted))
            ).all())
        return self

    def load_for(self, documents: Iterable[dict], checks: bool = True) -> "Names":
        """Names the documents mention and, with `checks`, the source checks they need."""
        occupations: set[str] = set()
        organizations: set[str] = set()
        urls: set[str] = set()
        for data in documents:
            occupations.update(data.get("occupations", []))
            occupations.update(data.get("related", []))
            # The two rules that name records, read directly (this runs for every match candidate).
            rules = data.get("eligibility") or {}
            occupations.update((rules.get("current_occupations") or {}).get("value") or [])
            employer = (rules.get("employer") or {}).get("value")
            organizations.update(k for k in (data.get("provider"), data.get("sponsor"), employer) if k)
            organizations.update((rules.get("unions") or {}).get("value") or [])
            organizations.update(data.get("sponsors", []))
            if checks:
                urls.update(sources.url_sources(data))
        return self.load(occupations, organizations).load_checks(urls)

    def name_of(self, key: str) -> str:
        if key not in self.organizations and key not in self.occupations:
            # A key the documents do not mention (the person's own union or job): looked up once.
            self.load([key], [key])
            self.organizations.setdefault(key, "")
        return self.organizations.get(key) or self.occupations.get(key) or key.replace("_", " ")

    def ref(self, key: str | None) -> dict | None:
        return {"key": key, "name": self.name_of(key)} if key else None

    def occupation_ref(self, key: str) -> dict:
        return {"key": key, "title": self.occupations.get(key, key.replace("_", " "))}


_NATIONAL = object()


def occupation(row: models.Occupation, names: Names, wage: dict | None | object = _NATIONAL) -> dict:
    """An occupation with its pay: the national BLS figure unless the caller found a local one."""
    data = dict(row.data)
    if wage is _NATIONAL:
        wage = wages.pay(names.session, row)
    data["wage"] = wage
    data["related"] = [names.occupation_ref(k) for k in data.get("related", [])]
    data["onet_url"] = ONET_LINK.format(code=row.soc_code)
    data.setdefault("aliases", [])
    return data


def _verified(data: dict, stored: dict, names: Names) -> dict:
    """The record's sources, when its facts were taken, and when they were last checked
    (`stored` is the record as imported, with each rule's source and quote)."""
    check = sources.verification(stored, names.checks)
    data["verification"] = check
    data["last_verified"] = check["last_verified"]
    data["as_of"] = check["as_of"]
    data.setdefault("aliases", [])
    return data


def organization(row: models.Organization, names: Names) -> dict:
    return _verified(dict(row.data), row.data, names)


def _rules(data: dict, names: Names) -> dict:
    """Plain rule values (what the checks read), the rules as sentences, and each rule's source."""
    stored = data.get("eligibility") or {}
    rules = plain_rules(stored)
    rules["summary"] = eligibility.describe(rules, names.name_of)
    rules["sources"] = rule_sources(stored)
    return rules


def next_deadline(starts: list[dict], today: dt.date) -> str | None:
    upcoming = sorted(s["deadline"] for s in starts if s.get("deadline") and s["deadline"] >= today.isoformat())
    return upcoming[0] if upcoming else None


def program(row: models.Program, names: Names, today: dt.date) -> dict:
    data = dict(row.data)
    data["provider"] = names.ref(data.get("provider"))
    data["sponsors"] = [names.ref(k) for k in data.get("sponsors", [])]
    data["occupations"] = [names.occupation_ref(k) for k in data.get("occupations", [])]
    data["next_deadline"] = next_deadline(data.get("starts", []), today)
    data["eligibility"] = _rules(data, names)
    data["expired"] = row.last_deadline is not None and row.last_deadline < today
    return _verified(data, row.data, names)


def funding(row: models.Funding, names: Names, today: dt.date) -> dict:
    data = dict(row.data)
    data["sponsor"] = names.ref(data.get("sponsor"))
    data["occupations"] = [names.occupation_ref(k) for k in data.get("occupations", [])]
    data["eligibility"] = _rules(data, names)
    data["expired"] = row.deadline is not None and row.deadline < today
    return _verified(data, row.data, names)


DEMO_NOTICE = "This listing is an example, not a real opening."


def role(row: models.Role, names: Names, distance: float | None = None) -> dict:
    data = row.data
    occupation_key = row.occupation_key
    return {
        "key": f"{row.source}:{row.source_id}",
        "title": row.title,
        "occupation": names.occupation_ref(occupation_key) if occupation_key else None,
        "employer": row.employer,
        "location": {"zip": data.get("zip"), "city": data.get("city"), "state": row.state, "lat": row.lat, "lon": row.lon},
        "entry_level": row.entry_level,
        "requirements": data.get("requirements"),
        "pay": {"min": data.get("pay_min"), "max": data.get("pay_max"), "period": data.get("pay_period")},
        "employment_type": data.get("employment_type"),
        "date_posted": data.get("date_posted"),
        "valid_through": data.get("valid_through"),
        "url": data.get("url"),
        "description": data.get("description"),
        "demo": row.demo,
        # What to say beside a demo role wherever it is shown.
        "notice": DEMO_NOTICE if row.demo else None,
        "distance_miles": round(distance, 1) if distance is not None else None,
        "source_url": data.get("source_url") or data.get("url"),
    }
