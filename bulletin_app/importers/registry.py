"""Importer registry: by content signature, then by file extension."""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from bulletin_app.importers.doc_reader import OLE2_MAGIC, read_doc
from bulletin_app.importers.docx_reader import read_docx
from bulletin_app.importers.html_reader import read_html
from bulletin_app.importers.markdown_reader import read_markdown
from bulletin_app.importers.plain_text import ImportProblem, read_plain_text
from bulletin_app.importers.web_text import ParsedText

Reader = Callable[[Path], ParsedText]

_READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".docx": read_docx,
    ".doc": read_doc,
    ".html": read_html,
    ".htm": read_html,
    ".md": read_markdown,
    ".markdown": read_markdown,
}
_ZIP_MAGIC = b"PK\x03\x04"
# An HTML document: doctype or root element first, after any comments (a browser's
# "saved from url" note) and white space.
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def register(extension: str, reader: Reader) -> None:
    _READERS[extension.lower()] = reader


def supported_extensions() -> list[str]:
    return sorted(_READERS)


def _looks_like_html(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="ignore")
    return _HTML_START.match(text) is not None


def reader_for(path: Path) -> Reader:
    """The reader for a file: by its content's signature first (a .txt that is really a
    Word document or a web page), else by its extension."""
    if path.is_dir():
        with os.scandir(path):  # a folder that cannot be listed raises PermissionError: say so
            pass
        raise ImportProblem("là thư mục, không phải tệp")
    if not path.is_file():  # a FIFO would block the read below for ever, a device never end
        raise ImportProblem("không phải tệp thông thường (thiết bị hay ống dẫn), không nhập được")
    with path.open("rb") as fh:
        head = fh.read(1024)
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC) and suffix != ".docx":
        return read_docx
    if head.startswith(OLE2_MAGIC) and suffix != ".doc":
        return read_doc
    if suffix not in (".html", ".htm") and _looks_like_html(head):
        return read_html
    reader = _READERS.get(suffix)
    if reader is None:
        raise ImportProblem(
            f"định dạng “{path.suffix or 'không đuôi'}” chưa được hỗ trợ (hỗ trợ: {', '.join(supported_extensions())})"
        )
    return reader


def _saved_page_folder(folder: Path) -> bool:
    """The folder a browser saves a page's pictures, styles and frames in ("Trang_files"
    next to "Trang.html"): its files are parts of that page, not articles."""
    if not folder.name.endswith("_files"):
        return False
    stem = folder.name.removesuffix("_files")
    return any((folder.parent / f"{stem}{ext}").is_file() for ext in (".html", ".htm", ".HTML", ".HTM"))


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=lambda error: found.append(Path(error.filename))):
        here = Path(root)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not _saved_page_folder(here / d)]
        found.extend(
            here / name
            for name in files
            if not name.startswith((".", "~$"))
            and Path(name).suffix.lower() in _READERS
            and (here / name).is_file()  # not a FIFO, socket, device or broken link
        )
    return sorted(found)


def expand_paths(paths: list[Path]) -> Iterator[tuple[Path, bool]]:
    """Files to import: (path, explicitly named). Folders are walked recursively in name order;
    hidden files, Word's "~$" lock files, the folders saved with web pages and unsupported
    types inside folders are skipped. A folder inside that cannot be read is given as a path
    of its own, for :func:`reader_for` to say why."""
    for path in paths:
        if path.is_dir():
            yield from ((child, False) for child in _walk(path))
        else:
            yield path, True
