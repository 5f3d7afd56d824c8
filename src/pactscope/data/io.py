"""File output: atomic writes (a temporary file beside the target, then rename) and CSV-ready frames."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING


@contextlib.contextmanager
def atomic_write(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target``, on any error it is removed.

    The target is never left half-written, also on Ctrl-C (KeyboardInterrupt).
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def flat_for_csv(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with list columns joined by ';' and struct columns as JSON text, so it fits in CSV."""
    import polars as pl

    lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List | pl.Array)]
    structs = [c for c, t in frame.schema.items() if isinstance(t, pl.Struct)]
    return frame.with_columns(
        *(pl.col(c).cast(pl.List(pl.String)).list.join(";") for c in lists),
        *(pl.col(c).struct.json_encode() for c in structs),
    )
