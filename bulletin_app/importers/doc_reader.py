"""Word 97–2003 documents (.doc) → DOCX through LibreOffice, then the DOCX reader.

LibreOffice runs headless with a private, throw-away profile (a running LibreOffice of
the user's would otherwise take the job and the call would return at once with nothing
converted), on a copy of the file in a temporary folder (the user's folder gets no lock
or output files), and is stopped after a time limit. Without LibreOffice the file is
refused with a message saying what to install.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from bulletin_app.importers.docx_reader import read_docx
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.importers.web_text import ParsedText

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # every Office 97–2003 file (.doc, .xls, .ppt)
RTF_MAGIC = b"{\\rtf"  # Word also saves RTF under a .doc name
_WORD_STREAM = "WordDocument".encode("utf-16-le")  # stream name in the OLE2 directory of a Word file
MAX_BYTES = 100 * 1024 * 1024  # a .doc with many photos stays well below this
TIMEOUT_SECONDS = 120  # a first start with a new profile takes ~2 s, a long document a few more
# Where LibreOffice is installed when it is not on PATH: under each Program Files folder
# on Windows (environment variables), on macOS, from libreoffice.org's Linux packages, Debian's.
WINDOWS_FOLDERS = ("PROGRAMFILES", "PROGRAMFILES(X86)", "PROGRAMW6432")
OTHER_GLOBS: tuple[str, ...] = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice*/program/soffice",
    "/usr/lib/libreoffice/program/soffice",
)


class DocProblem(ImportProblem):
    pass


def find_soffice() -> str | None:
    """The LibreOffice program: on PATH first, then in the usual install folders."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    windows = [
        os.path.join(glob.escape(os.environ[var]), "LibreOffice", "program", exe)
        for var in WINDOWS_FOLDERS
        if os.environ.get(var)
        for exe in ("soffice.com", "soffice.exe")  # the console variant first
    ]
    for pattern in [*windows, *OTHER_GLOBS]:
        for candidate in sorted(glob.glob(pattern), reverse=True):  # the newest /opt/libreofficeX.Y first
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    return None


def check_signature(path: Path) -> tuple[str, ...]:
    """LibreOffice's import filters for the file: Word 97–2003 (also 95 and 6.0, the same
    OLE2 container) or RTF. Anything else is refused here; forcing the filter keeps
    LibreOffice from reading a damaged file as plain text full of garbage."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DocProblem(f"tệp quá lớn ({size / 1024 / 1024:.0f} MB, tối đa {MAX_BYTES // 1024 // 1024} MB)")
    data = path.read_bytes()
    if data.startswith(RTF_MAGIC):
        return ("Rich Text Format",)
    if not data.startswith(OLE2_MAGIC) or len(data) < 512:
        raise DocProblem("không phải tệp Word 97–2003 (.doc) hợp lệ: tệp hỏng hoặc sai đuôi")
    sector_size = 1 << int.from_bytes(data[0x1E:0x20], "little")
    first_directory_sector = int.from_bytes(data[0x30:0x34], "little")
    if sector_size not in (512, 4096) or (first_directory_sector + 1) * sector_size >= len(data):
        raise DocProblem("tệp Word 97–2003 (.doc) hỏng hoặc bị cắt cụt")
    if _WORD_STREAM not in data:
        raise DocProblem("tệp Office 97–2003 nhưng không phải văn bản Word (có thể là bảng tính Excel hay PowerPoint)")
    return ("MS Word 97", "MS Word 95", "MS WinWord 6.0")


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice (its output says nothing the result file does not); on timeout stop
    it and every process it started."""
    posix = os.name == "posix"
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=posix,  # its own process group, so the whole tree can be stopped
        creationflags=subprocess.CREATE_NEW_PROCESS_GROUP if sys.platform == "win32" else 0,
    ) as proc:
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(OSError):  # it may have ended meanwhile
                if posix:
                    os.killpg(proc.pid, signal.SIGKILL)
                else:  # soffice.exe starts soffice.bin: end the whole tree
                    subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True, check=False)
            proc.kill()
            proc.wait()
            raise


def convert_to_docx(path: Path, workdir: Path, filters: tuple[str, ...], timeout: float = TIMEOUT_SECONDS) -> Path:
    """Convert a .doc into ``workdir`` with the first import filter that reads it; returns
    the DOCX written there."""
    soffice = find_soffice()
    if soffice is None:
        raise DocProblem(
            "tệp Word 97–2003 (.doc) cần LibreOffice để chuyển đổi nhưng máy chưa cài LibreOffice: "
            "hãy cài LibreOffice (libreoffice.org) hoặc mở tệp bằng Word và lưu lại dạng .docx"
        )
    source = workdir / "input.doc"  # a plain name: no spaces, accents or leading "-" on the command line
    shutil.copyfile(path, source)
    outdir = workdir / "out"
    result = outdir / "input.docx"
    for import_filter in filters:
        command = [
            soffice,
            f"-env:UserInstallation={(workdir / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nolockcheck",
            f"--infilter={import_filter}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(outdir),
            str(source),
        ]
        try:
            _run(command, timeout)
        except subprocess.TimeoutExpired:
            raise DocProblem(
                f"LibreOffice không chuyển xong tệp .doc sau {timeout:.0f} giây: "
                "hãy mở tệp bằng Word hoặc LibreOffice và lưu lại dạng .docx"
            ) from None
        except OSError as exc:
            raise DocProblem(f"không chạy được LibreOffice ({soffice}): {exc.strerror or exc}") from exc
        if result.is_file():
            return result
    raise DocProblem("LibreOffice không đọc được tệp .doc (tệp hỏng hoặc không phải văn bản Word)")


def read_doc(path: Path) -> ParsedText:
    filters = check_signature(path)
    with tempfile.TemporaryDirectory(prefix="bulletin-doc-") as tmp:
        docx = convert_to_docx(path, Path(tmp), filters)
        return read_docx(docx)
