"""File output: atomic writes (a temporary file beside the target, then rename) and CSV-ready frames."""

from __future__ import annotations

import atexit
import contextlib
import os
import secrets
import shutil
import signal
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pactscope.errors import OutputError

if TYPE_CHECKING:
    import polars as pl

MIN_FREE_BYTES = 1 << 20  # refuse a file system with less room than this before any work is done


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_PENDING: set[Path] = set()  # temporary files of writes not yet renamed or removed


@atexit.register
def discard_partial_files() -> None:
    """Remove the temporary files of writes an interrupt cut off.

    A signal can land where no cleanup code of ``atomic_write`` is running yet (between the
    ``with`` body and its exit), so the files are also tracked here and removed at exit.
    """
    for tmp in list(_PENDING):
        tmp.unlink(missing_ok=True)
        _PENDING.discard(tmp)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while a temporary file is created and its cleanup armed, so that no
    signal can land between the two; a held signal is delivered right after."""
    try:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    except (AttributeError, ValueError, OSError):  # no signal masks here: go on without
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _cannot_write(target: Path, exc: OSError) -> OutputError:
    why = exc.strerror or type(exc).__name__
    return OutputError(f"cannot write {target}: {why}; choose another file or folder, or free some space")


def check_writable(target: Path | str) -> Path:
    """``target`` if a file can be written there now; OutputError naming the problem otherwise.

    Catches what can be known before the work: a directory in the way, a parent that is not a
    folder, a folder that refuses new files (read-only, permissions, /proc), a nearly full disk.
    """
    target = Path(target)
    if target.is_dir():
        raise OutputError(f"{target} is a directory; give a file name such as {target / 'out.csv'}")
    folder = target.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: {folder} is not a folder")
    try:
        with _signals_held():  # the probe never outlives this block, even on a signal
            fd, probe = tempfile.mkstemp(prefix=".pactscope-probe-", dir=folder)
            os.close(fd)
            os.unlink(probe)
        free = shutil.disk_usage(folder).free
    except OSError as exc:
        raise OutputError(f"cannot write {target}: the folder {folder} does not accept new files "
                          f"({exc.strerror or type(exc).__name__}); choose another folder") from None
    if free < MIN_FREE_BYTES:
        raise OutputError(f"cannot write {target}: only {free:,} bytes free in {folder}; free some space "
                          "or choose another folder")
    return target


@contextlib.contextmanager
def atomic_write(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path; on success it replaces ``target``, on any error it is removed.

    The target is never left half-written, also on Ctrl-C or SIGTERM (when the process turns it
    into an exception, as ``pactscope`` does). An OSError while writing becomes OutputError.
    """
    target = Path(target)
    with _signals_held():  # a signal lands only once the cleanup below is armed
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = _new_part_file(target)
        except OSError as exc:
            raise _cannot_write(target, exc) from None
    try:
        yield tmp
        with _signals_held():  # renamed and forgotten together
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
            _PENDING.discard(tmp)
    except OSError as exc:
        _discard(tmp)
        if isinstance(exc, OutputError):
            raise
        raise _cannot_write(target, exc) from None
    except BaseException:
        _discard(tmp)
        raise


def _new_part_file(target: Path) -> Path:
    """A new empty file beside ``target``, tracked for removal at exit before it exists.

    Holding signals covers only this thread; with a data library's worker threads running, a
    signal can still be handled here, so the name is known to the exit hook before the file is made.
    """
    while True:
        tmp = target.parent / f".{target.name}.{secrets.token_hex(6)}.part"
        _PENDING.add(tmp)
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return tmp
        except FileExistsError:  # another writer's name: forget it, try another
            _PENDING.discard(tmp)
        except OSError:  # nothing was made
            _PENDING.discard(tmp)
            raise
        # any other exception (a signal) leaves the name tracked: the exit hook removes the file if it was made


def _discard(tmp: Path) -> None:
    tmp.unlink(missing_ok=True)
    _PENDING.discard(tmp)


def flat_for_csv(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with list columns joined by ';' and struct columns as JSON text, so it fits in CSV."""
    import polars as pl

    lists = [c for c, t in frame.schema.items() if isinstance(t, pl.List | pl.Array)]
    structs = [c for c, t in frame.schema.items() if isinstance(t, pl.Struct)]
    return frame.with_columns(
        *(pl.col(c).cast(pl.List(pl.String)).list.join(";") for c in lists),
        *(pl.col(c).struct.json_encode() for c in structs),
    )
