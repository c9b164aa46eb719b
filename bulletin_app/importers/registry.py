"""Importer registry: by content signature, then by file extension."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from bulletin_app.importers.docx_reader import read_docx
from bulletin_app.importers.markdown_reader import read_markdown
from bulletin_app.importers.plain_text import ImportProblem, read_plain_text
from bulletin_app.importers.web_text import ParsedText

Reader = Callable[[Path], ParsedText]

_READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".docx": read_docx,
    ".md": read_markdown,
    ".markdown": read_markdown,
}
_ZIP_MAGIC = b"PK\x03\x04"


def register(extension: str, reader: Reader) -> None:
    _READERS[extension.lower()] = reader


def supported_extensions() -> list[str]:
    return sorted(_READERS)


def reader_for(path: Path) -> Reader:
    """The reader for a file: by its content's signature first (a .txt that is really a
    Word document), else by its extension."""
    try:
        with path.open("rb") as fh:
            head = fh.read(4)
    except OSError:
        head = b""
    if head == _ZIP_MAGIC and path.suffix.lower() != ".docx":
        return read_docx
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ImportProblem(
            f"định dạng “{path.suffix or 'không đuôi'}” chưa được hỗ trợ (hỗ trợ: {', '.join(supported_extensions())})"
        )
    return reader


def expand_paths(paths: list[Path]) -> Iterator[tuple[Path, bool]]:
    """Files to import: (path, explicitly named). Folders are walked recursively in name order;
    hidden files and unsupported types inside folders are skipped."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and not any(p.startswith(".") for p in child.relative_to(path).parts)
                    and child.suffix.lower() in _READERS
                ):
                    yield child, False
        else:
            yield path, True
