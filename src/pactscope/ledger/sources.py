"""Classify a source as primary, agency wire, repost or other (for counts and citation order)."""

from __future__ import annotations

import re

from pactscope.ledger.schema import Source, SourceKind

# news agencies whose own site is the original wire (matched on the publisher, case-insensitive)
AGENCIES = (
    "TASS", "ITAR-TASS", "RIA Novosti", "Interfax", "Reuters", "AP", "AFP", "Xinhua", "Armenpress",
    "Kazinform", "BelTA", "Sputnik", "Trend", "Anadolu", "KUNA", "24.kg", "AKIpress", "Kabar", "Khovar",
    "ARKA News Agency", "Novosti-Armenia", "APA", "Azertac", "Report.az", "Interfax-Kazakhstan",
)
_AGENCY = re.compile(r"^(?:" + "|".join(re.escape(a) for a in AGENCIES) + r")(?:\b|$)", re.IGNORECASE)
_REPOST = re.compile(r"\(via |\bvia\b|\(citing |\bciting\b|report\)", re.IGNORECASE)

ORIGINS = ("primary", "agency", "repost", "press", "academic", "reference", "ngo")


def source_origin(source: Source) -> str:
    """'primary' (the organization's or a government's own text), 'agency' (the original wire),
    'repost' (another site's copy or report of it), else the source kind (press, academic, ...)."""
    publisher = source.publisher.strip()
    if _REPOST.search(publisher):
        return "repost"
    if source.kind is SourceKind.official:
        return "primary"
    if _AGENCY.match(publisher):
        return "agency"
    return "press" if source.kind is SourceKind.news else source.kind.value
