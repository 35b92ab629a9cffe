"""Finding one program or fund in the catalog from what the person called it."""

from __future__ import annotations

import re
from typing import Optional

from actions.catalog_client import CatalogError, call

KEY = re.compile(r"^[a-z0-9_]{1,80}$")


async def find_target(name: str) -> Optional[tuple[str, dict]]:
    """("program" or "funding", its record) for a key (from the NLU's synonyms) or a name typed
    in the person's own words (the catalog's text search finds it); None when nothing matches."""
    name = name.strip()
    if not name:
        return None
    if KEY.match(name):
        for kind, path in (("program", "/programs/"), ("funding", "/funding/")):
            try:
                return kind, await call("GET", path + name)
            except CatalogError as error:
                if error.status != 404:
                    raise
    words = name.replace("_", " ")[:200]
    for kind, path in (("program", "/programs"), ("funding", "/funding")):
        found = await call("GET", path, params={"q": words, "per_page": 1})
        if found.get("items"):
            return kind, found["items"][0]
    return None
