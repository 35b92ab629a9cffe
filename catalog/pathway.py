"""The path from where a person is to a first paycheck in a career: which program, which funding
pays for it, what it costs after that, how long it takes, and jobs to apply for at the end."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalog import documents, eligibility, matching, models, search
from catalog.profile import Facts

PATH_KINDS = ("training", "degree", "apprenticeship", "student_pathway", "internship", "residency", "fellowship", "hiring")


def _best_program(session: Session, facts: Facts, occupation: str, names: documents.Names, today: dt.date):
    rows = list(session.scalars(
        search.programs_query(session, occupations=[occupation], state=facts.state, today=today)
        .where(models.Program.kind.in_(PATH_KINDS), *matching.not_ruled_out(models.Program, facts))
        .limit(matching.CANDIDATE_LIMIT)
    ))
    names.load_for(row.data for row in rows)
    ranked = matching.rank([item for item in (matching.score_program(row, facts, names) for row in rows) if matching.offered(item)])
    return ranked[0].render(names, today) if ranked else None


def _funding_for(session: Session, facts: Facts, occupation: str, program_key: str | None, names: documents.Names, today: dt.date):
    rows = list(session.scalars(
        search.funding_query(session, occupations=[occupation], state=facts.state, today=today, include_general=False)
        .where(*matching.not_ruled_out(models.Funding, facts)).limit(matching.CANDIDATE_LIMIT)
    ))
    if program_key:
        tied = session.scalars(search.funding_query(session, state=facts.state, today=today, program=program_key)
                               .where(*matching.not_ruled_out(models.Funding, facts)))
        rows += [row for row in tied if row not in rows]
    names.load_for(row.data for row in rows)
    ranked = matching.rank([item for item in (matching.score_funding(row, facts, names) for row in rows) if matching.offered(item)])
    usable = [item for item in ranked if item.verdict.verdict != eligibility.NOT_ELIGIBLE][:3]
    return [item.render(names, today) for item in usable]


def plan(session: Session, facts: Facts, occupation_row: models.Occupation, today: dt.date) -> dict:
    names = documents.Names(session).load([occupation_row.key, *occupation_row.data.get("related", [])])
    occupation_doc = documents.occupation(occupation_row, names)
    key = occupation_row.key
    best = _best_program(session, facts, key, names, today)
    funds = _funding_for(session, facts, key, best.key if best else None, names, today)
    roles_facts = Facts(profile=facts.profile, place=facts.place, interests=[key])
    role_pairs = matching.role_candidates(session, roles_facts, today, matching.ROLE_RADIUS_MILES, 3)
    names.load(occupation_keys=[key])
    roles = [documents.role(row, names, distance) for row, distance in role_pairs[:3]]

    steps: list[dict] = []
    verdict = best.verdict if best else eligibility.Verdict(verdict=eligibility.MAYBE)
    for change in verdict.what_would_change:
        steps.append({"title": "Get ready", "detail": change, "url": None})
    total = covered = net = None
    months = occupation_row.data.get("time_to_enter_months")
    if best:
        program = best.record
        tuition = (program.get("cost") or {}).get("tuition")
        total = tuition
        if tuition is not None:
            covered = 0.0
            if tuition > 0:
                for fund in funds:
                    if fund.record.get("covers_full_tuition"):
                        covered = tuition
                        break
                    amount = (fund.record.get("amount") or {}).get("max")
                    if amount:
                        covered = min(tuition, covered + amount)
            net = max(0.0, tuition - covered)
        months = program.get("length_months") or months
        apply = program.get("how_to_apply") or "Apply on the program's website."
        deadline = program.get("next_deadline")
        steps.append({
            "title": f"Apply to {program['name']}",
            "detail": apply + (f" Apply by {deadline}." if deadline else ""),
            "url": program.get("apply_url") or program.get("source_url"),
        })
        for fund in funds[:2]:
            record = fund.record
            steps.append({
                "title": f"Apply for {record['name']}",
                "detail": record.get("how_to_apply") or "Ask the program how to apply.",
                "url": record.get("apply_url") or record.get("source_url"),
            })
        finish = f"Finish the program ({program['length']})" if program.get("length") else "Finish the program"
        credential = f" and earn your {program['credential']}" if program.get("credential") else ""
        steps.append({"title": finish + credential + ".", "detail": "Ask about job help as you finish.", "url": None})
    else:
        steps.append({
            "title": f"Find training for {occupation_row.title.lower()}",
            "detail": f"Most people need {occupation_doc.get('education') or 'training'} first. Ask an advisor about programs near you.",
            "url": occupation_doc.get("source_url"),
        })
    steps.append({
        "title": "Apply for jobs",
        "detail": f"Look for {occupation_row.title.lower()} jobs near you." + _roles_line(roles),
        "url": None,
    })
    for number, step in enumerate(steps, start=1):
        step["order"] = number
    return {
        "occupation": occupation_doc,
        "verdict": verdict.verdict,
        "steps": steps,
        "program": best.record if best else None,
        "funding": [fund.record for fund in funds[:3]],
        "total_cost": total,
        "covered": covered,
        "net_cost": net,
        "months_to_first_job": months,
        "roles": roles,
        "reasons": verdict.reasons,
        "missing": verdict.missing,
        "unpublished": verdict.unpublished,
        "facts": facts.as_dict(),
    }


def _roles_line(roles: list[dict]) -> str:
    if not roles:
        return ""
    if any(role["demo"] for role in roles):
        return " Here are some example listings (not real openings)."
    return " Here are some open now."


def occupation_by_key(session: Session, key: str) -> models.Occupation | None:
    return session.scalar(select(models.Occupation).where(models.Occupation.key == key))
