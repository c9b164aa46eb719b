"""Writing a file so that a failure never leaves half of it at the destination."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from bulletin_app.domain.errors import StorageError

T = TypeVar("T")


def write_atomically(dest: Path, write: Callable[[Path], T]) -> T:
    """Call ``write(tmp)`` on a temporary file beside ``dest``, then rename it into place.

    The rename is atomic on the same file system: readers see the old file or the whole
    new one. Any failure removes the temporary file and leaves ``dest`` as it was.
    """
    dest = dest.resolve()
    if not dest.parent.is_dir():
        raise StorageError(f"Thư mục {dest.parent} không tồn tại.")
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        result = write(tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"Không ghi được {dest}: {exc.strerror or exc}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return result


# What an export killed mid-write (a power cut, the task manager) leaves beside its targets:
# the staged files and the renderers' own temporary files. Hidden (a leading dot), and removed
# by the next export to that folder and when the app starts.
_LEFTOVER = re.compile(r"^\..+\.(?:staged\.(?:pdf|docx)|(?:pdf|docx)\.part)$")
LEFTOVER_AGE_S = 600  # younger ones may belong to an export running right now in another window


def clean_leftovers(folder: Path, min_age_s: float = LEFTOVER_AGE_S) -> list[Path]:
    """Remove an earlier, interrupted export's staged and temporary files from ``folder``."""
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for path in entries:
        try:
            if _LEFTOVER.match(path.name) and path.is_file() and now - path.stat().st_mtime >= min_age_s:
                path.unlink()
                removed.append(path)
        except OSError:
            continue  # in use or gone: the next export tries again
    return removed
