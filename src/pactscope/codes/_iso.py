"""Build step: ISO 3166 codes and their Russian/Arabic names from pycountry."""

from __future__ import annotations

import gettext
import re
from functools import cache
from typing import Any

import pycountry

_HARAKAT = re.compile("[\u064b-\u0652\u0640]")


@cache
def _translator(lang: str, domain: str) -> gettext.NullTranslations:
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def record(iso3: str) -> Any:
    """The current or withdrawn ISO 3166 record for an alpha-3 code, or None."""
    return pycountry.countries.get(alpha_3=iso3) or pycountry.historic_countries.get(alpha_3=iso3)


def lookup(names: list[str]) -> str | None:
    """Alpha-3 of the first name pycountry matches exactly (current countries only)."""
    for name in names:
        for candidate in (name, name.split(" (")[0]):
            try:
                return pycountry.countries.lookup(candidate).alpha_3
            except LookupError:
                continue
    return None


def english_names(iso3: str) -> list[str]:
    """ISO short, common and official English names."""
    rec = record(iso3)
    if rec is None:
        return []
    return [getattr(rec, f) for f in ("common_name", "name", "official_name") if hasattr(rec, f)]


def translated(iso3: str, lang: str) -> list[str]:
    """Translations of the English ISO names; untranslated strings are dropped."""
    rec = record(iso3)
    if rec is None:
        return []
    domain = "iso3166-1" if pycountry.countries.get(alpha_3=iso3) else "iso3166-3"
    tr = _translator(lang, domain)
    out = []
    for name in english_names(iso3):
        local = tr.gettext(name)
        if local != name:
            out.append(_HARAKAT.sub("", local))
    return out
