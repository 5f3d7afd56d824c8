"""Shared across test folders: one headless Chromium for every browser test, and hypothesis
without a per-example deadline (examples are bounded by their strategies; a shared machine makes
wall-clock deadlines flaky)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("pactscope", deadline=None)
settings.load_profile("pactscope")

CHROMIUM = Path(os.environ.get("PACTSCOPE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; one instance per test session (Playwright's sync
    API allows a single running instance per thread)."""
    if not CHROMIUM.exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM} (install the chromium package)")
    import playwright.sync_api as sync_api
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()
