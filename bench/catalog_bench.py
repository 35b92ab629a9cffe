"""Catalog benchmark: import a large synthetic catalog, then time the API over real HTTP.

Generates 100,000 open roles (a schema.org JobPosting feed), 10,000 programs (catalog YAML) and
5,000 funding records (catalog CSV) from a fixed seed, on top of the real occupations and
organizations seed files. Imports them with the project's importer, serves the catalog API with
`python -m ops serve-catalog`, and measures p50/p95/mean latency of the endpoints the assistant
calls most. Runs on SQLite, and on PostgreSQL when a server is reachable (in a database of its
own, `catalog_bench`, which it empties first). Figures go to results/catalog-bench.{json,md}.

    PYTHONPATH=. .venv/bin/python -m bench.catalog_bench [--profile] [--requests N] [--scale 0.1]
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import datetime as dt
import functools
import io
import itertools
import json
import os
import platform
import pstats
import random
import secrets
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import httpx
import yaml
import zipcodes

from catalog import db, service
from ops.processes import Service, free_port

ROOT = Path(__file__).resolve().parent.parent
SEED = 20_261
ROLES, PROGRAMS, FUNDING = 100_000, 10_000, 5_000
ZIP_COUNT = 6_000
REQUESTS, WARMUP = 300, 20
REQUEST_TIMEOUT_SECONDS, MAX_TIMEOUTS = 30.0, 3
GOALS = {"match_p95_ms": 30.0, "import_seconds": 60.0}
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
# The benchmark empties this database's public schema, so it only ever touches one it made.
BENCH_DATABASE = "catalog_bench"
SEED_DIR = ROOT / "data" / "catalog"
RESULTS = ROOT / "results"
ENDPOINTS = ("programs", "programs_q", "roles", "match", "pathway")
ENDPOINT_LABELS = {
    "programs": "GET /programs (occupation+zip)",
    "programs_q": "GET /programs (q=)",
    "roles": "GET /roles (occupation+zip+radius)",
    "match": "POST /match",
    "pathway": "POST /pathway",
}

PROGRAM_KINDS = [
    ("training", 40), ("degree", 15), ("apprenticeship", 8), ("student_pathway", 8), ("internship", 8),
    ("residency", 3), ("fellowship", 3), ("leadership", 3), ("workshop", 6), ("hiring", 4), ("initiative", 2),
]
FUNDING_KINDS = [
    ("scholarship", 45), ("tuition_support", 15), ("tuition_reimbursement", 15), ("fellowship", 5),
    ("grant", 15), ("stipend", 5),
]
AUDIENCES = ["students", "job_seekers", "employees", "professionals", "adults"]
SUPPORT = ["coaching", "wrap_around", "job_placement", "mentoring", "tutoring", "devices", "stipend"]
BARRIERS = ["low_income", "veteran", "disability", "homelessness", "justice_involved", "youth", "first_generation", "underrepresented"]
EDUCATION = ["some_high_school", "high_school", "some_college", "certificate", "associate", "bachelor", "master"]
PAYS_FOR = ["tuition", "books", "devices", "certification exams", "fees", "uniforms", "transportation", "child care"]
CREDENTIALS = ["certificate", "state certification", "associate degree", "bachelor's degree", "license exam prep", "badge"]
PROGRAM_WORDS = ["Training Program", "Academy", "Pathway", "Bootcamp", "Certificate", "Career Launch", "Apprenticeship"]
ROLE_PREFIXES = ["", "", "", "Entry Level ", "Trainee ", "Senior ", "Lead ", "Per Diem ", "Part-Time "]
CLINIC_WORDS = ["Community Clinic", "Medical Center", "Health Partners", "Family Health", "Care Network", "Hospital"]
SEARCH_WORDS = [
    "phlebotomy", "medical assistant", "nursing", "sonography", "pharmacy technician", "dental",
    "certificate", "apprenticeship", "free training", "mental health", "community health worker",
    "radiologic", "surgical", "emergency medical", "health information", "coding", "Kaiser", "online",
]


# ---------------------------------------------------------------------------------------------
# Synthetic catalog


def weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def load_seed() -> tuple[list[dict], list[dict]]:
    occupations = yaml.safe_load((SEED_DIR / "occupations.yaml").read_text(encoding="utf-8"))["records"]
    organizations = yaml.safe_load((SEED_DIR / "organizations.yaml").read_text(encoding="utf-8"))["records"]
    return occupations, organizations


def pick_zips(rng: random.Random) -> tuple[list[dict], list[float]]:
    """Real ZIP codes across the US, with skewed weights so some places are busy, like cities."""
    rows = [r for r in zipcodes.list_all() if r["zip_code_type"] == "STANDARD" and r["lat"] and r["long"] and r["active"]]
    rows.sort(key=lambda r: r["zip_code"])
    chosen = rng.sample(rows, min(ZIP_COUNT, len(rows)))
    # Cumulative weights, so each draw is a bisection rather than a pass over every ZIP.
    return chosen, list(itertools.accumulate(1.0 / (rank + 10) ** 0.8 for rank in range(len(chosen))))


def region_of(place: dict) -> str | None:
    lat, lon = float(place["lat"]), float(place["long"])
    if place["state"] == "CA":
        return "Northern California" if lat >= 36.0 else "Southern California"
    if place["state"] == "WA" and abs(lat - 47.6) < 0.8 and abs(lon + 122.3) < 1.0:
        return "Seattle area"
    return None


def eligibility_rules(rng: random.Random, occupations: list[str], employers: list[str], kind: str, states: list[str]) -> dict:
    rules: dict[str, Any] = {}
    if kind in ("student_pathway", "internship") or rng.random() < 0.1:
        rules["min_age"] = rng.choice([14, 15, 16])
        rules["max_age"] = rng.choice([18, 19, 24])
        rules["student_status"] = ["high_school"] if rng.random() < 0.7 else ["high_school", "college"]
        if rng.random() < 0.4:
            rules["min_grade"], rules["max_grade"] = rng.choice([(9, 12), (10, 12), (11, 12)])
    elif rng.random() < 0.5:
        rules["min_age"] = rng.choice([16, 17, 18, 18, 18, 21])
    if rng.random() < 0.6:
        rules["education"] = rng.choice(EDUCATION[1:5]) if kind not in ("residency", "fellowship") else "bachelor"
    if states and rng.random() < 0.5:
        rules["states"] = states
    if rng.random() < 0.12:
        rules["employees_only"] = True
        rules["employer"] = rng.choice(employers)
        if rng.random() < 0.3:
            rules["union_status"] = "represented"
    if rng.random() < 0.08:
        rules["current_occupations"] = rng.sample(occupations, 2)
    if rng.random() < 0.3:
        rules["groups"] = rng.sample(BARRIERS, rng.randint(1, 3))
        rules["groups_required"] = rng.random() < 0.3
    return rules


def cited_rules(rules: dict, source: str) -> dict:
    """Rule values as the catalog stores them: each with the source and passage that state it."""
    cited: dict[str, Any] = {}
    for name, value in rules.items():
        if name == "groups_required":
            continue
        cited[name] = {"value": value, "source": source, "quote": f"The {name.replace('_', ' ')} rule of this program."}
        if name == "groups":
            cited[name]["required"] = rules.get("groups_required", False)
    if cited and len(source) % 2:
        cited["text"] = "Applicants must meet the program's published requirements."
    return cited


def generate_programs(rng: random.Random, occupations: list[dict], organizations: list[dict],
                      zips: list[dict], weights: list[float], today: dt.date) -> list[dict]:
    occupation_keys = [o["key"] for o in occupations]
    titles = {o["key"]: o["title"] for o in occupations}
    providers = [o["key"] for o in organizations if "provider" in o.get("roles", [])]
    sponsors = [o["key"] for o in organizations if "sponsor" in o.get("roles", [])]
    employers = [o["key"] for o in organizations if "employer" in o.get("roles", [])]
    records = []
    for number in range(PROGRAMS):
        key = f"bench_program_{number:05d}"
        kind = weighted(rng, PROGRAM_KINDS)
        jobs = rng.sample(occupation_keys, rng.choice([1, 1, 1, 2, 3]))
        place = rng.choices(zips, cum_weights=weights)[0]
        online = rng.random() < 0.15
        city = place["city"].title()
        location: dict[str, Any] = {"online": True} if online else {"states": [place["state"]], "cities": [city]}
        region = region_of(place)
        if region and not online:
            location["regions"] = [region]
        months = rng.choice([1, 3, 6, 9, 12, 18, 24])
        tuition = 0 if rng.random() < 0.35 else float(rng.randrange(300, 20_000, 50))
        record: dict[str, Any] = {
            "key": key,
            "name": f"{city} {titles[jobs[0]]} {rng.choice(PROGRAM_WORDS)} {number}",
            "kind": kind,
            "provider": rng.choice(providers),
            "sponsors": rng.sample(sponsors, rng.randint(0, 2)),
            "occupations": jobs,
            "description": f"Hands-on {titles[jobs[0]].lower()} training with local employers, classes and practice in {city}.",
            "audiences": rng.sample(AUDIENCES, rng.randint(1, 2)),
            "location": location,
            "format": "online" if online else rng.choice(["in_person", "in_person", "hybrid"]),
            "length": f"about {months} months",
            "length_months": months,
            "cost": {"tuition": tuition, "per": "program" if tuition else None, "source": f"https://programs.example.org/{key}",
                     "quote": "Tuition is on this page.", "covered": "tuition and books" if tuition == 0 else None},
            "credential": rng.choice(CREDENTIALS),
            "support_services": rng.sample(SUPPORT, rng.randint(0, 3)),
            "paid": kind in ("apprenticeship", "residency", "internship") or None,
            "how_to_apply": "Fill in the online form, then meet an advisor.",
            "apply_url": f"https://programs.example.org/{key}/apply",
            "eligibility": cited_rules(eligibility_rules(rng, occupation_keys, employers, kind, [] if online else [place["state"]]),
                                       f"https://programs.example.org/{key}"),
            "source_url": f"https://programs.example.org/{key}",
            "sources": [f"https://programs.example.org/{key}"],
            "recorded": today - dt.timedelta(days=rng.randint(0, 365)),
        }
        if rng.random() < 0.45:
            record["rolling"] = True
        else:
            # About one program in six has only deadlines that have passed, so it is hidden.
            first = today + dt.timedelta(days=rng.randint(-200, 300))
            record["starts"] = [
                {"date": first + dt.timedelta(days=30 + 120 * i), "deadline": first + dt.timedelta(days=120 * i)}
                for i in range(rng.randint(1, 2))
            ]
        records.append({k: v for k, v in record.items() if v not in (None, [], {})})
    return records


def generate_funding(rng: random.Random, occupations: list[dict], organizations: list[dict], program_keys: list[str], today: dt.date) -> list[dict]:
    """Funding records as flat CSV rows: dotted headers for nested fields, `;` between list items."""
    occupation_keys = [o["key"] for o in occupations]
    titles = {o["key"]: o["title"] for o in occupations}
    sponsors = [o["key"] for o in organizations if "sponsor" in o.get("roles", [])]
    employers = [o["key"] for o in organizations if "employer" in o.get("roles", [])]
    states = sorted({"CA", "WA", "GA", "MD", "OR", "CO", "HI", "VA", "TX", "NY", "IL", "FL", "MT", "PA", "OH"})
    rows = []
    for number in range(FUNDING):
        key = f"bench_funding_{number:05d}"
        kind = weighted(rng, FUNDING_KINDS)
        jobs = [] if rng.random() < 0.2 else rng.sample(occupation_keys, rng.randint(1, 2))
        employer = rng.choice(employers) if kind == "tuition_reimbursement" or rng.random() < 0.05 else ""
        full = rng.random() < 0.15
        amount = "" if full or rng.random() < 0.1 else str(rng.choice([500, 1000, 2500, 5000, 10000]))
        what = titles[jobs[0]].lower() if jobs else "health care"
        row = {
            "key": key,
            "name": f"{what.title()} {kind.replace('_', ' ').title()} {number}",
            "kind": kind,
            "sponsor": employer or rng.choice(sponsors),
            "amount.max": amount,
            "amount.per": rng.choice(["year", "program", "once"]) if amount or full else "",
            "amount.source": f"https://funding.example.org/{key}" if amount or full else "",
            "amount.quote": "The amount is on this page." if amount or full else "",
            "covers_full_tuition": "true" if full else "",
            "pays_for": ";".join(rng.sample(PAYS_FOR, rng.randint(1, 3))),
            "occupations": ";".join(jobs),
            "programs": ";".join(rng.sample(program_keys, rng.randint(1, 2))) if rng.random() < 0.1 else "",
            "description": f"Money for people training in {what}.",
            "deadline": "" if rng.random() < 0.4 else (today + dt.timedelta(days=rng.randint(-120, 365))).isoformat(),
            "rolling": "",
            "how_to_apply": "Apply online with a short essay.",
            "apply_url": f"https://funding.example.org/{key}",
            "audiences": ";".join(rng.sample(AUDIENCES, rng.randint(0, 2))),
            "source_url": f"https://funding.example.org/{key}",
            "sources": f"https://funding.example.org/{key}",
            "recorded": (today - dt.timedelta(days=rng.randint(0, 365))).isoformat(),
        }
        rules = {
            "min_age": str(rng.choice([16, 17, 18])) if rng.random() < 0.4 else "",
            "education": rng.choice(EDUCATION[:4]) if rng.random() < 0.4 else "",
            "states": ";".join(rng.sample(states, rng.randint(1, 3))) if rng.random() < 0.5 else "",
            "employees_only": "true" if employer else "",
            "employer": employer,
            "union_status": "represented" if employer and rng.random() < 0.2 else "",
            "student_status": "high_school;college" if rng.random() < 0.2 else "",
            "groups": ";".join(rng.sample(BARRIERS, rng.randint(1, 2))) if rng.random() < 0.35 else "",
        }
        # Every row has every column (one CSV header); a rule's source and quote only when it is set.
        for name, value in rules.items():
            row[f"eligibility.{name}.value"] = value
            row[f"eligibility.{name}.source"] = row["source_url"] if value else ""
            row[f"eligibility.{name}.quote"] = f"The {name.replace('_', ' ')} rule of this fund." if value else ""
        row["eligibility.groups.required"] = "true" if rules["groups"] and rng.random() < 0.1 else ""
        if not row["deadline"]:
            row["rolling"] = "true"
        rows.append(row)
    return rows


def generate_roles(rng: random.Random, occupations: list[dict], organizations: list[dict],
                   zips: list[dict], weights: list[float], today: dt.date) -> list[dict]:
    employers = [o["name"] for o in organizations if "employer" in o.get("roles", [])]
    postings = []
    for number in range(ROLES):
        occupation = rng.choice(occupations)
        place = rng.choices(zips, cum_weights=weights)[0]
        city = place["city"].title()
        hourly = rng.random() < 0.6
        low = rng.randint(17, 45) if hourly else rng.randrange(38_000, 160_000, 1000)
        location: dict[str, Any] = {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "postalCode": place["zip_code"], "addressLocality": city, "addressRegion": place["state"]},
        }
        # Many feeds give only the postal address; the importer places those by ZIP.
        if rng.random() < 0.7:
            location["geo"] = {"@type": "GeoCoordinates", "latitude": float(place["lat"]), "longitude": float(place["long"])}
        posted = today - dt.timedelta(days=rng.randint(0, 90))
        posting = {
            "@type": "JobPosting",
            "identifier": {"@type": "PropertyValue", "name": "bench", "value": f"R{number:06d}"},
            "title": f"{rng.choice(ROLE_PREFIXES)}{occupation['title']}",
            "occupationalCategory": occupation["soc_code"],
            "hiringOrganization": {
                "@type": "Organization",
                "name": rng.choice(employers) if rng.random() < 0.3 else f"{city} {rng.choice(CLINIC_WORDS)}",
            },
            "jobLocation": location,
            "baseSalary": {
                "@type": "MonetaryAmount", "currency": "USD",
                "value": {"@type": "QuantitativeValue", "minValue": low, "maxValue": round(low * 1.3), "unitText": "HOUR" if hourly else "YEAR"},
            },
            "educationRequirements": rng.choice([None, "High school diploma or GED", "Certificate", "Associate degree"]),
            "experienceRequirements": rng.choice([None, "No experience needed, we will train", "1 year", "3 years of experience"]),
            "employmentType": rng.choice(["FULL_TIME", "PART_TIME", "PER_DIEM"]),
            "datePosted": posted.isoformat(),
            # About one posting in ten has closed, so it is hidden.
            "validThrough": (posted + dt.timedelta(days=rng.randint(10, 120))).isoformat(),
            "url": f"https://jobs.example.org/R{number:06d}",
            "description": f"Join our team in {city} as a {occupation['title'].lower()}. Benefits, training and a friendly team.",
        }
        postings.append({k: v for k, v in posting.items() if v is not None})
    return postings


def write_catalog(directory: Path, today: dt.date) -> tuple[list[Path], dict]:
    """The benchmark's files, in the order the importer needs, and what the workload draws from."""
    rng = random.Random(SEED)
    occupations, organizations = load_seed()
    zips, weights = pick_zips(rng)
    programs = generate_programs(rng, occupations, organizations, zips, weights, today)
    funding = generate_funding(rng, occupations, organizations, [p["key"] for p in programs], today)
    roles = generate_roles(rng, occupations, organizations, zips, weights, today)

    programs_path = directory / "programs.yaml"
    with programs_path.open("w", encoding="utf-8") as handle:
        yaml.dump({"source": "bench", "records": programs}, handle, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
    funding_path = directory / "funding-bench.csv"
    with funding_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(funding[0]))
        writer.writeheader()
        writer.writerows(funding)
    roles_path = directory / "roles-bench.json"
    roles_path.write_text(json.dumps({
        "@context": "https://schema.org", "@type": "ItemList", "name": "Benchmark roles", "demo": True,
        "itemListElement": roles,
    }), encoding="utf-8")
    paths = [SEED_DIR / "occupations.yaml", SEED_DIR / "organizations.yaml", programs_path, funding_path, roles_path]
    return paths, {"occupations": occupations, "organizations": organizations, "zips": zips, "weights": weights}


# ---------------------------------------------------------------------------------------------
# Workload


def occupation_name(rng: random.Random, occupation: dict) -> str:
    """An occupation the way people write it: its title, key words or one of its other names.
    Names several occupations share ("caregiver", "therapist") are left out: the catalog rightly
    answers them with a question, which is not what these requests measure."""
    forms = [occupation["title"], occupation["key"].replace("_", " "), *occupation.get("aliases", [])]
    return rng.choice([form for form in forms if _index().lookup(form).key == occupation["key"]] or forms[:1])


@functools.cache
def _index():
    from catalog.occupations import OccupationIndex

    occupations, _ = load_seed()
    return OccupationIndex([(o["key"], o["title"], o.get("aliases", [])) for o in occupations])


def profile(rng: random.Random, pool: dict) -> dict:
    age = rng.randint(16, 45)
    zip_row = rng.choices(pool["zips"], cum_weights=pool["weights"])[0]
    occupations = pool["occupations"]
    result: dict[str, Any] = {
        "age": age,
        "zip": zip_row["zip_code"],
        "interests": [occupation_name(rng, o) for o in rng.sample(occupations, rng.choice([1, 1, 2]))],
    }
    if age <= 18 and rng.random() < 0.8:
        result.update(grade=min(12, age - 5), student="high_school")
    else:
        result["education"] = rng.choice(EDUCATION[1:] if age >= 22 else EDUCATION[1:4])
    if age >= 18 and rng.random() < 0.35:
        employers = [o["key"] for o in pool["organizations"] if "employer" in o.get("roles", [])]
        result.update(
            employer="kaiser_permanente" if rng.random() < 0.7 else rng.choice(employers),
            employee=True, current_occupation=rng.choice(occupations)["key"],
        )
        if rng.random() < 0.4:
            result["union"] = "seiu_uhw"
    if rng.random() < 0.3:
        result["groups"] = rng.sample(BARRIERS, 1)
    if rng.random() < 0.4:
        result["max_cost"] = rng.choice([0, 1000, 5000])
    return result


def workload(pool: dict, count: int) -> dict[str, list[tuple[str, str, dict]]]:
    """(method, path, params or body) per endpoint, the same on every run."""
    rng = random.Random(SEED + 1)
    occupations = pool["occupations"]

    def place() -> str:
        return rng.choices(pool["zips"], cum_weights=pool["weights"])[0]["zip_code"]

    jobs: dict[str, list] = {name: [] for name in ENDPOINTS}
    for _ in range(count):
        jobs["programs"].append(("GET", "/programs", {"occupation": occupation_name(rng, rng.choice(occupations)), "zip": place()}))
        jobs["programs_q"].append(("GET", "/programs", {"q": rng.choice(SEARCH_WORDS)}))
        jobs["roles"].append(("GET", "/roles", {
            "occupation": occupation_name(rng, rng.choice(occupations)), "zip": place(),
            "radius_miles": rng.choice([10, 25, 25, 50]),
        }))
        jobs["match"].append(("POST", "/match", {"profile": profile(rng, pool), "limit": 10}))
        jobs["pathway"].append(("POST", "/pathway", {"profile": profile(rng, pool), "occupation": occupation_name(rng, rng.choice(occupations))}))
    return jobs


def size_of(endpoint: str, answer: dict) -> int:
    """How much an answer held, so a fast but empty answer shows up in the figures."""
    if endpoint == "pathway":
        return int(answer.get("program") is not None) + len(answer.get("funding", [])) + len(answer.get("roles", []))
    if endpoint == "match":
        return len(answer.get("items", []))
    return int(answer.get("total", 0))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, int(round(fraction * len(ordered) + 0.5)) - 1))
    return ordered[index]


def measure(client: httpx.Client, jobs: list[tuple[str, str, dict]], warmup: int) -> dict:
    """Latencies of the jobs after a warm-up. A request that times out counts at the timeout;
    after a few, the endpoint is given up on, since each would hold the run for the full timeout."""
    latencies, sizes, errors = [], [], []
    timeouts = 0
    for number, (method, path, payload) in enumerate([*jobs[:warmup], *jobs]):
        started = time.perf_counter()
        try:
            response = send(client, method, path, payload)
        except httpx.TimeoutException:
            response = None
        elapsed = (time.perf_counter() - started) * 1000
        if number < warmup and response is not None:
            continue
        latencies.append(elapsed)
        if response is None:
            timeouts += 1
            errors.append(f"timed out after {elapsed / 1000:.0f} s: {path} {payload}")
            if timeouts >= MAX_TIMEOUTS:
                break
        elif response.status_code != 200:
            errors.append(f"{response.status_code} {path} {payload}: {response.text[:200]}")
        else:
            sizes.append(response.json())
    return {"latencies": latencies, "answers": sizes, "errors": errors, "timeouts": timeouts}


def send(client: httpx.Client, method: str, path: str, payload: dict) -> httpx.Response:
    if method == "GET":
        return client.get(path, params=payload)
    return client.post(path, json=payload)


def summarise(endpoint: str, measured: dict) -> dict:
    latencies = measured["latencies"]
    sizes = [size_of(endpoint, answer) for answer in measured["answers"]]
    return {
        "requests": len(latencies),
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
        "max_ms": round(max(latencies), 2),
        "errors": len(measured["errors"]),
        "timeouts": measured["timeouts"],
        "first_errors": measured["errors"][:3],
        "mean_result_size": round(statistics.fmean(sizes), 1) if sizes else 0,
        "empty_answers": sum(1 for s in sizes if s == 0),
    }


# ---------------------------------------------------------------------------------------------
# Databases and the server


@contextmanager
def catalog_server(database_url: str, log_path: Path) -> Iterator[str]:
    """The real catalog service in its own process, so the client's work does not share its GIL;
    started and stopped by the launcher's own process handling."""
    port = free_port()
    env = dict(os.environ, CATALOG_DATABASE_URL=database_url, CATALOG_PORT=str(port), CATALOG_HOST="127.0.0.1",
               CATALOG_API_KEY=secrets.token_hex(16), VAR_DIR=str(log_path.parent))
    base = f"http://127.0.0.1:{port}"
    log_path.unlink(missing_ok=True)
    server = Service("catalog", [sys.executable, "-m", "ops", "serve-catalog"], base + "/healthz",
                     env=env, log_path=log_path).start()
    try:
        server.wait_ready(time.monotonic() + 120)
        yield base
    finally:
        server.stop()


def postgres_url() -> tuple[str | None, str]:
    """A URL for a freshly emptied `catalog_bench` database, or None and the reason it was skipped."""
    import psycopg
    from sqlalchemy.engine import make_url

    explicit = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("TEST_POSTGRES_URL")
    base = make_url(explicit or DEFAULT_POSTGRES).set(drivername="postgresql")
    bench = base.set(database=BENCH_DATABASE)
    try:
        with psycopg.connect(base.render_as_string(hide_password=False), autocommit=True, connect_timeout=5) as admin:
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (BENCH_DATABASE,)).fetchone():
                admin.execute(f"CREATE DATABASE {BENCH_DATABASE}")
    except psycopg.OperationalError as error:
        if explicit:
            raise
        return None, f"no PostgreSQL at {base.render_as_string()} ({str(error).strip().splitlines()[0]})"
    assert bench.database == BENCH_DATABASE
    with psycopg.connect(bench.render_as_string(hide_password=False), autocommit=True) as connection:
        connection.execute("DROP SCHEMA public CASCADE")
        connection.execute("CREATE SCHEMA public")
    return bench.render_as_string(hide_password=False), ""


def import_catalog(database_url: str, paths: list[Path]) -> tuple[float, dict[str, int]]:
    engine = db.make_engine(database_url)
    try:
        started = time.perf_counter()
        results = service.import_files(engine, paths)
        seconds = time.perf_counter() - started
    finally:
        engine.dispose()
    failed = [error for result in results for error in result.errors]
    if failed:
        raise RuntimeError("the import failed: " + "; ".join(failed))
    return seconds, {result.file: result.count for result in results}


def run_database(name: str, database_url: str, paths: list[Path], jobs: dict, warmup: int, work: Path) -> dict:
    print(f"[{name}] importing ...", flush=True)
    seconds, counts = import_catalog(database_url, paths)
    print(f"[{name}] imported in {seconds:.1f} s: {counts}", flush=True)
    endpoints: dict[str, dict] = {}
    health: dict = {}
    pending = list(ENDPOINTS)
    while pending:
        # A request that timed out is still running in the server; a fresh server keeps it from
        # slowing the endpoints measured after it.
        with catalog_server(database_url, work / f"server-{name}.log") as base, \
                httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT_SECONDS) as client:
            health = health or client.get("/healthz").json()
            while pending:
                endpoint = pending.pop(0)
                endpoints[endpoint] = figures = summarise(endpoint, measure(client, jobs[endpoint], warmup))
                print(f"[{name}] {ENDPOINT_LABELS[endpoint]:38} p50 {figures['p50_ms']:8.1f} ms  p95 {figures['p95_ms']:8.1f} ms  "
                      f"mean {figures['mean_ms']:8.1f} ms  errors {figures['errors']}  size {figures['mean_result_size']}", flush=True)
                for error in figures["first_errors"]:
                    print(f"    {error}", flush=True)
                if figures["timeouts"]:
                    break
    return {"database": name, "import_seconds": round(seconds, 2), "imported": counts, "health": health, "endpoints": endpoints}


# ---------------------------------------------------------------------------------------------
# Profiling: the functions behind the slow endpoints, called in this process


def profile_endpoints(database_url: str, jobs: dict, endpoints: list[str], count: int) -> dict[str, str]:
    """cProfile of the route functions themselves, with the same requests as the HTTP run."""
    from fastapi.encoders import jsonable_encoder

    from catalog.api import guidance, listings
    from catalog.api.deps import Paging

    engine = db.make_engine(database_url)
    sessions = db.session_factory(engine)
    today = dt.date.today()

    def call(endpoint: str, payload: dict) -> Any:
        with sessions() as session:
            if endpoint == "match":
                # /match answers with its response already rendered.
                return guidance.match(guidance.MatchRequest.model_validate(payload), session, today).body
            elif endpoint == "pathway":
                answer = guidance.plan_pathway(guidance.PathwayRequest.model_validate(payload), session, today)
            elif endpoint == "roles":
                answer = listings.list_roles(session, Paging(), today, occupation=payload["occupation"], zip=payload["zip"],
                                             city=None, state=None, radius_miles=float(payload["radius_miles"]),
                                             entry_level=None, employer=None, q=None, include_expired=False)
            else:
                answer = listings.list_programs(session, Paging(), today, occupation=payload.get("occupation"), zip=payload.get("zip"),
                                                city=None, state=None, radius_miles=25.0, audience=None, kind=None,
                                                max_cost=None, format=None, q=payload.get("q"), include_expired=False)
            return json.dumps(jsonable_encoder(answer))

    reports = {}
    for endpoint in endpoints:
        payloads = [payload for _, _, payload in jobs[endpoint][:count]]
        for payload in payloads[:5]:
            call(endpoint, payload)
        profiler = cProfile.Profile()
        profiler.enable()
        for payload in payloads:
            call(endpoint, payload)
        profiler.disable()
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(15)
        reports[endpoint] = out.getvalue()
        print(f"\n===== cProfile: {ENDPOINT_LABELS[endpoint]} ({len(payloads)} calls) =====\n{reports[endpoint]}", flush=True)
    engine.dispose()
    return reports


def profile_import(paths: list[Path], work: Path) -> str:
    database = work / "profile-import.db"
    profiler = cProfile.Profile()
    profiler.enable()
    import_catalog(f"sqlite:///{database}", paths)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(15)
    print(f"\n===== cProfile: import =====\n{out.getvalue()}", flush=True)
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Report


def goal_misses(run: dict) -> list[str]:
    misses = []
    if run["import_seconds"] >= GOALS["import_seconds"]:
        misses.append(f"{run['database']}: import took {run['import_seconds']} s (goal < {GOALS['import_seconds']:.0f} s)")
    p95 = run["endpoints"]["match"]["p95_ms"]
    if p95 >= GOALS["match_p95_ms"]:
        misses.append(f"{run['database']}: POST /match p95 is {p95} ms (goal < {GOALS['match_p95_ms']:.0f} ms)")
    for endpoint, figures in run["endpoints"].items():
        if figures["errors"]:
            misses.append(f"{run['database']}: {ENDPOINT_LABELS[endpoint]} failed {figures['errors']} times "
                          f"({figures['timeouts']} timeouts of {REQUEST_TIMEOUT_SECONDS:.0f} s); first: {figures['first_errors'][0][:160]}")
    return misses


def cell(figures: dict) -> str:
    text = f"{figures['p50_ms']:.1f} / {figures['p95_ms']:.1f}"
    if figures["timeouts"]:
        text += f" ({figures['timeouts']} timeouts in {figures['requests']})"
    return text


def markdown(report: dict) -> str:
    header = ["database", "import s", *[f"{ENDPOINT_LABELS[e]} p50 / p95 ms" for e in ENDPOINTS]]
    lines = [
        "# Catalog benchmark",
        "",
        f"{report['catalog']['roles']:,} roles, {report['catalog']['programs']:,} programs and "
        f"{report['catalog']['funding']:,} funding records (seed {report['catalog']['seed']}); "
        f"{report['requests_per_endpoint']} requests per endpoint over one keep-alive HTTP connection, "
        f"after {report['warmup']} warm-up requests.",
        "",
        f"Machine: {report['machine']['cpu_count']} CPUs, {report['machine']['platform']}, Python {report['machine']['python']}; "
        f"load average {' then '.join(str(x) for x in report['machine']['load_average_1m_before_and_after'])} (before, after).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for run in report["runs"]:
        cells = [run["database"], f"{run['import_seconds']:.1f}"]
        cells += [cell(run["endpoints"][e]) for e in ENDPOINTS]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"Goals: POST /match p95 < {GOALS['match_p95_ms']:.0f} ms, import < {GOALS['import_seconds']:.0f} s.", ""]
    misses = report["goal_misses"]
    lines += [f"- Missed: {miss}" for miss in misses] if misses else ["- All goals met."]
    lines += [f"- Skipped: {note}" for note in report["skipped"]]
    return "\n".join(lines) + "\n"


def scale_catalog(factor: float) -> None:
    global ROLES, PROGRAMS, FUNDING
    ROLES, PROGRAMS, FUNDING = (max(10, int(n * factor)) for n in (ROLES, PROGRAMS, FUNDING))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=REQUESTS, help="timed requests per endpoint")
    parser.add_argument("--scale", type=float, default=1.0, help="catalog size as a fraction of the full benchmark (for a quick try)")
    parser.add_argument("--profile", action="store_true", help="also cProfile the import and the endpoints that miss a goal")
    parser.add_argument("--profile-all", action="store_true", help="cProfile every endpoint, goal or not")
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args(argv)
    if args.scale != 1.0:
        scale_catalog(args.scale)
    warmup = min(WARMUP, args.requests)
    today = dt.date.today()
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="catalog-bench-") as temp:
        work = Path(temp)
        started = time.perf_counter()
        paths, pool = write_catalog(work, today)
        print(f"generated {ROLES:,} roles, {PROGRAMS:,} programs, {FUNDING:,} funding records in "
              f"{time.perf_counter() - started:.1f} s ({sum(p.stat().st_size for p in paths[2:]) / 1e6:.1f} MB)", flush=True)
        jobs = workload(pool, args.requests)

        runs, skipped = [], []
        sqlite_url = f"sqlite:///{work / 'catalog.db'}"
        runs.append(run_database("sqlite", sqlite_url, paths, jobs, warmup, work))
        if args.no_postgres:
            skipped.append("PostgreSQL (--no-postgres)")
        else:
            url, reason = postgres_url()
            if url:
                runs.append(run_database("postgresql", url, paths, jobs, warmup, work))
            else:
                skipped.append(f"PostgreSQL: {reason}")
                print(f"skipped PostgreSQL: {reason}", flush=True)

        misses = [miss for run in runs for miss in goal_misses(run)]
        report = {
            "date": today.isoformat(),
            "catalog": {"roles": ROLES, "programs": PROGRAMS, "funding": FUNDING, "seed": SEED, "zip_codes": len(pool["zips"])},
            "requests_per_endpoint": args.requests,
            "warmup": warmup,
            "machine": {"cpu_count": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                        # Other work on the machine skews latencies; this says how busy it was.
                        "load_average_1m_before_and_after": [round(load_before, 2), round(os.getloadavg()[0], 2)]},
            "goals": GOALS,
            "goal_misses": misses,
            "skipped": skipped,
            "runs": runs,
        }
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "catalog-bench.json").write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
        table = markdown(report)
        (RESULTS / "catalog-bench.md").write_text(table, encoding="utf-8")
        print("\n" + table)

        if args.profile or args.profile_all:
            slow = list(ENDPOINTS) if args.profile_all else [
                e for e in ENDPOINTS if any(run["endpoints"][e]["p95_ms"] >= GOALS["match_p95_ms"] for run in runs)
            ]
            # A request that takes minutes in the server would take as long here: name it instead.
            stuck = [e for e in slow if runs[0]["endpoints"][e]["timeouts"]]
            for endpoint in stuck:
                print(f"not profiling {ENDPOINT_LABELS[endpoint]}: its requests time out on SQLite; see the errors above", flush=True)
            slow = [e for e in slow if e not in stuck]
            if args.profile_all or any(run["import_seconds"] >= GOALS["import_seconds"] for run in runs):
                profile_import(paths, work)
            if slow:
                profile_endpoints(sqlite_url, jobs, slow, min(args.requests, 50))
    return 0


if __name__ == "__main__":
    sys.exit(main())
