"""Answers about careers that are not one career's card: two careers side by side ("MA or LVN?"),
a numbered plan toward one ("what do I do next?"), and three careers that fit what a person likes
("I'm good with my hands", "what fits me?"), each with why, pay and time to train."""

from __future__ import annotations

import re

from sqlalchemy import select

from catalog import models, wages
from catalog.guide.career import programs_for
from catalog.guide.context import AJC_LINE, Context
from catalog.guide.wording import link, money, short

# What people say they like, and words of a career's description that show it.
LIKES = {
    "hands": (r"\bhands?\b|\bbuild|\bfix|\btools?\b|\bactive\b|\bon my feet\b|\bmove around\b",
              ("equipment", "procedure", "instrument", "draw", "patients", "emergency", "surgery", "lab", "x-ray", "teeth")),
    "people": (r"\bpeople\b|\btalk|\bhelp(?:ing)? (?:people|others)\b|\bcaring\b|\bkids\b|\bchildren\b|\bcommunity\b|\blisten",
               ("patients", "families", "community", "support", "counsel", "care", "educate")),
    "science": (r"\bscience\b|\bbiology\b|\bchemistry\b|\bmath\b|\banatomy\b|\blab\b",
                ("lab", "test", "samples", "medication", "diagnos", "pharmac", "imaging")),
    "computers": (r"\bcomputers?\b|\btech\b|\bdata\b|\bcoding\b|\btyping\b|\bdesk\b|\borganiz",
                  ("records", "data", "information", "billing", "coding", "computer", "office")),
    "art": (r"\bart\b|\bdraw|\bcreative\b|\bdesign\b|\bpaint",
            ("imaging", "images", "teeth", "design", "models", "visual")),
}
NOT_DOCTOR_NURSE = re.compile(r"\b(?:not|aren'?t|isn'?t|no|without being|other than|besides)\b[^.?!]*\b(?:doctor|nurse)s?\b", re.I)
EXCLUDED_FOR_NEGATION = {"physician", "registered_nurse", "licensed_vocational_nurse", "nurse_practitioner"}
STARTERS = ("medical_assistant", "phlebotomist", "nursing_assistant", "pharmacy_technician", "community_health_worker")


def _occupation(ctx: Context, key: str) -> models.Occupation | None:
    return ctx.session.scalar(select(models.Occupation).where(models.Occupation.key == key))


def _pay(ctx: Context, row: models.Occupation) -> str:
    pay = wages.pay(ctx.session, row, ctx.wage_place())
    if not pay:
        return "pay not published"
    hourly, annual = pay["hourly"].get("median"), pay["annual"].get("median")
    parts = [f"{money(hourly, 'hour')} an hour" if hourly else None, f"{money(annual, 'year')} a year" if annual else None]
    where = {"metro": "local", "state": "state", "national": "US"}[pay["level"]]
    return f"{where} median {' or '.join(p for p in parts if p)} ({wages.SOURCE_SHORT}, {pay['release']})"


def compare(ctx: Context, keys: list[str]) -> list[str]:
    """Two careers side by side: what they do, training time, cost where to train, local pay."""
    lines = []
    for key in keys[:2]:
        row = _occupation(ctx, key)
        data = row.data
        does = short(data.get("description") or "", 140).rstrip(".")
        time = data.get("time_to_enter") or "time not published"
        lines.append(f"{row.title}: {does}. Training: {time}. Pay: {_pay(ctx, row)}.")
    lines.append("Training cost depends on the program; ask me \"how much does it cost\" about either one.")
    return lines


def plan(ctx: Context, key: str) -> tuple[list[str], list[dict]]:
    """A numbered plan toward one career, from its record and the programs in the guide."""
    row = _occupation(ctx, key)
    data = row.data
    programs = programs_for(ctx, key)[:2]
    steps = [f"Your plan to become a {row.title.split(' (')[0].lower()}:"]
    steps.append(f"1. Know the path: {data['education']}" + (f" (about {data['time_to_enter']})." if data.get("time_to_enter") else ".")
                 if data.get("education") else f"1. Read about the work: {data.get('source_url')}")
    if programs:
        first = programs[0]
        url = link(first.record)
        steps.append(f"2. Pick a program. In my guide: {first.title}" + (f" ({url})." if url else "."))
        steps.append("3. Check if you qualify and how to apply: ask me \"what do I need to apply?\" or \"how do I apply?\".")
    else:
        steps.append(f"2. Find a program near you. {AJC_LINE}")
        steps.append("3. Ask each school what you need to apply and when classes start.")
    steps.append("4. Plan how to pay: ask me \"scholarships for me\" or, if you work in health care, \"tuition support\".")
    steps.append(f"5. When you finish, look for jobs: ask me \"{row.title.split(' (')[0].lower()} jobs near me\".")
    items = [{"type": "program", "key": p.key, "name": p.title} for p in programs]
    return steps, items


# The interest profiler (/interests) is the way to find out what one likes; offered with every
# "what fits me" answer, never forced.
QUIZ_OFFER = 'Not sure what you like? Take the career quiz: say "quiz".'


def fits(ctx: Context, text: str) -> tuple[list[str], list[dict]]:
    """Three careers for what the person said they like (or, with no likes, short trainings to start)."""
    said = text.lower()
    likes = [name for name, (pattern, _) in LIKES.items() if re.search(pattern, said)]
    exclude = EXCLUDED_FOR_NEGATION if NOT_DOCTOR_NURSE.search(text) else set()
    rows = [row for row in ctx.session.scalars(select(models.Occupation)) if row.key not in exclude]
    scored = []
    for row in rows:
        words = f"{row.title} {row.data.get('description') or ''}".lower()
        hits = [name for name in likes if any(word in words for word in LIKES[name][1])]
        months = row.data.get("time_to_enter_months")
        if likes and not hits:
            continue
        if months is None:
            continue
        quick = 1 if ctx.facts.is_minor or not likes else 0
        score = (len(hits), row.data.get("bright_outlook") is True, -months * quick, row.key in STARTERS)
        scored.append((score, row, hits))
    if not likes:
        scored = [s for s in scored if s[1].key in STARTERS]
    scored.sort(key=lambda item: item[0], reverse=True)
    chosen = scored[:3]
    intro = (f"Three careers for someone who likes {' and '.join(likes)}:" if likes
             else "Three health careers you can start with short training:")
    lines = [intro]
    for i, (_, row, _hits) in enumerate(chosen, 1):
        why = short(row.data.get("description") or row.title, 110).rstrip(".")
        lines.append(f"{i}. {row.title}: {why}. Training: {row.data.get('time_to_enter') or 'not published'}. "
                     f"Pay: {_pay(ctx, row)}.")
    lines.append("Ask about one by its number, for example \"how do I become the first one?\" or \"what does the second one pay?\"")
    lines.append(QUIZ_OFFER)
    items = [{"type": "career", "key": row.key, "name": row.title} for _, row, _ in chosen]
    return lines, items
