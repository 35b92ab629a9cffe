"""`python -m ops audit [LOCK ...]`: the pinned versions in the lock files checked against a
snapshot of the PyPA advisory database kept in requirements/advisories/ (its commit and date in
SOURCE.md there). Works offline: online audit services cannot be reached from every machine, and
a tool that cannot reach them may report "no known vulnerabilities" having checked nothing.

Exit status 1 when a pin is affected by an advisory not listed in requirements/audit-accepted.yaml
(each entry: advisory id -> why it does not apply here), 0 otherwise. Needs PyYAML and packaging.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import yaml
from packaging.version import InvalidVersion, Version

from core.settings import ROOT

ADVISORIES = ROOT / "requirements" / "advisories"
ACCEPTED = ROOT / "requirements" / "audit-accepted.yaml"
LOCKS = (ROOT / "requirements" / "catalog.lock", ROOT / "requirements" / "rasa.lock")
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9_.\-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(lock: Path) -> dict[str, str]:
    """name -> pinned version, from a pip-compile / uv lock file."""
    found = {}
    for line in lock.read_text().splitlines():
        match = PIN.match(line.strip())
        if match:
            found[canonical(match.group(1))] = match.group(2)
    return found


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    advisory: str
    aliases: tuple[str, ...]
    fixed: tuple[str, ...]
    summary: str

    def line(self) -> str:
        fixed = f"fixed in {', '.join(self.fixed)}" if self.fixed else "no fixed version"
        aliases = f" ({', '.join(self.aliases)})" if self.aliases else ""
        return f"{self.package}=={self.version}: {self.advisory}{aliases}, {fixed}. {self.summary}"


def _version(text: str) -> Optional[Version]:
    try:
        return Version(str(text))
    except InvalidVersion:
        return None


def _in_ranges(version: Version, ranges: Iterable[dict]) -> bool:
    for range_ in ranges:
        if range_.get("type") != "ECOSYSTEM":
            continue
        introduced, affected = None, False
        for event in range_.get("events", []):
            if "introduced" in event:
                introduced = Version("0") if str(event["introduced"]) == "0" else _version(event["introduced"])
                affected = introduced is not None and version >= introduced
            elif "fixed" in event and affected:
                fixed = _version(event["fixed"])
                if fixed is not None and version < fixed:
                    return True
                affected = False
            elif "last_affected" in event and affected:
                last = _version(event["last_affected"])
                if last is not None and version <= last:
                    return True
                affected = False
        if affected:
            return True  # introduced and never fixed
    return False


def affected(advisory: dict, package: str, version: str) -> Optional[tuple[str, ...]]:
    """The fixed versions when `package==version` is affected by this advisory, else None."""
    if advisory.get("withdrawn"):
        return None
    parsed = _version(version)
    for entry in advisory.get("affected", []):
        if canonical((entry.get("package") or {}).get("name", "")) != package:
            continue
        listed = version in [str(v) for v in entry.get("versions", [])]
        in_range = parsed is not None and _in_ranges(parsed, entry.get("ranges", []))
        if listed or in_range:
            return tuple(str(e["fixed"]) for r in entry.get("ranges", []) if r.get("type") == "ECOSYSTEM"
                         for e in r.get("events", []) if "fixed" in e)
    return None


def audit(lock: Path, advisories: Path = ADVISORIES) -> list[Finding]:
    findings = []
    for package, version in sorted(pins(lock).items()):
        folder = next((d for d in advisories.iterdir() if d.is_dir() and canonical(d.name) == package), None) \
            if advisories.is_dir() else None
        if folder is None:
            continue
        for path in sorted(folder.glob("*.yaml")):
            advisory = yaml.safe_load(path.read_text())
            fixed = affected(advisory, package, version)
            if fixed is not None:
                summary = " ".join(str(advisory.get("summary") or advisory.get("details") or "").split())[:160]
                findings.append(Finding(package, version, advisory["id"], tuple(advisory.get("aliases") or ()),
                                        fixed, summary))
    return findings


def accepted(path: Path = ACCEPTED) -> dict[str, str]:
    """Advisory id -> why it does not apply here."""
    return {str(k): str(v) for k, v in (yaml.safe_load(path.read_text()) or {}).items()} if path.exists() else {}


def main(locks: list[str]) -> int:
    reasons = accepted()
    unaccepted = 0
    source = (ADVISORIES / "SOURCE.md").read_text() if (ADVISORIES / "SOURCE.md").exists() else ""
    commit = re.search(r"commit: (\w+)", source)
    print(f"Advisories: PyPA advisory database snapshot {commit.group(1)[:12] if commit else '(unknown)'}")
    for lock in [Path(p) for p in locks] or list(LOCKS):
        findings = audit(lock)
        print(f"{lock.name}: {len(pins(lock))} pins, {len(findings)} known advisories")
        for finding in findings:
            reason = reasons.get(finding.advisory)
            if reason is None:
                unaccepted += 1
            print(f"  {finding.line()}" + (f"\n    accepted: {reason}" if reason else ""))
    return 1 if unaccepted else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
