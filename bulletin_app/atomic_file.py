"""Writing a file so that a failure never leaves half of it at the destination."""

from __future__ import annotations

import os
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
