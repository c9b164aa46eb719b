"""A portable backup: the whole library as one ZIP of JSON lines, restorable into SQLite or
PostgreSQL, whichever wrote it.

Layout: ``manifest.json`` (format, schema revision, counts per table, a SHA-256 per member,
a digest of every article's content hash), ``tables/<table>.jsonl`` (one row per line, in id
order; bytes, dates and times tagged), ``assets/<sha256>`` (each picture's bytes, stored as
is). The search index is not archived: it is rebuilt from the articles.

A backup is one consistent snapshot (one read transaction; REPEATABLE READ on a server) and
is written beside its destination, then renamed. A restore checks every member's hash before
touching the target and runs in one transaction (all or nothing): the rows go in at the
archive's schema, are counted and every article's hash and every picture's bytes compared with
the archive, then the migrations written since that schema run and the search index is rebuilt.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, MetaData, Table, func, inspect, select, text

from bulletin_app import __version__
from bulletin_app.atomic_file import write_atomically
from bulletin_app.domain.errors import NewerDatabaseError, StorageError
from bulletin_app.storage.engine import WRITE
from bulletin_app.storage.migrate import alembic_config
from bulletin_app.storage.schema_version import head_revision, known_revisions
from bulletin_app.storage.search import search_backend

FORMAT = "ban-tin-doi-ngoai/library-backup"
FORMAT_VERSION = 1
# Parents before children: the order rows are restored in (and deleted in, reversed).
TABLES = (
    "publication",
    "users",
    "columns",
    "tags",
    "assets",
    "articles",
    "article_tags",
    "revisions",
    "issues",
    "sections",
    "entries",
)
_BATCH = 500
_MAX_MANIFEST = 64 * 1024 * 1024

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ArchiveSummary:
    path: Path
    schema: str
    created: str
    source: str
    counts: dict[str, int]


# ---------------------------------------------------------------- values


def _encode(value: Any) -> Any:
    if isinstance(value, bytes | memoryview):
        return {"$b": base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dt.datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$d": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and len(value) == 1:
        ((tag, raw),) = value.items()
        if tag == "$b":
            return base64.b64decode(raw)
        if tag == "$t":
            return dt.datetime.fromisoformat(raw)
        if tag == "$d":
            return dt.date.fromisoformat(raw)
    return value


def _articles_digest(pairs: Iterator[tuple[int, str]]) -> str:
    digest = hashlib.sha256()
    for article_id, content in pairs:
        digest.update(f"{article_id}:{content}\n".encode())
    return digest.hexdigest()


def _reflect(conn: Connection, name: str) -> Table:
    return Table(name, MetaData(), autoload_with=conn)


# ---------------------------------------------------------------- backup


def write_archive(engine: Engine, dest: Path, progress: Progress | None = None) -> ArchiveSummary:
    """Write the whole library to ``dest`` (a .zip), atomically."""
    say = progress or (lambda _msg: None)
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            schema = current_revision_of(conn)
            counts: dict[str, int] = {}
            files: dict[str, str] = {}
            manifest: dict[str, Any] = {}

            def write(tmp: Path) -> None:
                with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                    present = set(inspect(conn).get_table_names())  # an older schema has fewer
                    for name in (t for t in TABLES if t in present):
                        say(name)
                        counts[name] = _write_table(conn, zf, name, files)
                    manifest.update(
                        {
                            "format": FORMAT,
                            "format_version": FORMAT_VERSION,
                            "schema": schema,
                            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                            "app_version": __version__,
                            "source": conn.dialect.name,
                            "counts": counts,
                            "files": files,
                            "articles_digest": _articles_digest(
                                (r[0], r[1])
                                for r in conn.execute(text("SELECT id, content_hash FROM articles ORDER BY id"))
                            ),
                        }
                    )
                    zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))

            write_atomically(dest, write)
    return ArchiveSummary(dest.resolve(), schema, manifest["created"], conn.dialect.name, counts)


def current_revision_of(conn: Connection) -> str:
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()


def _write_table(conn: Connection, zf: zipfile.ZipFile, name: str, files: dict[str, str]) -> int:
    table = _reflect(conn, name)
    order = [table.c.id] if "id" in table.c else list(table.primary_key.columns)
    member = f"tables/{name}.jsonl"
    digest = hashlib.sha256()
    count = 0
    # A picture's bytes go in a member of their own, stored as they are (JPEG/PNG do not shrink).
    columns = [c for c in table.c if not (name == "assets" and c.name == "data")]
    stream = conn.execution_options(stream_results=True, yield_per=_BATCH)
    with zf.open(member, "w") as raw:
        for row in stream.execute(select(*columns).order_by(*order)).mappings():
            line = (json.dumps({k: _encode(v) for k, v in row.items()}, ensure_ascii=False) + "\n").encode()
            digest.update(line)
            raw.write(line)
            count += 1
    files[member] = digest.hexdigest()
    if name == "assets":
        for sha, data in stream.execute(select(table.c.sha256, table.c.data).order_by(*order)):
            picture = f"assets/{sha}"
            zf.writestr(zipfile.ZipInfo(picture), bytes(data), compress_type=zipfile.ZIP_STORED)
            files[picture] = hashlib.sha256(bytes(data)).hexdigest()
    return count


# ---------------------------------------------------------------- reading an archive


def read_manifest(path: Path) -> dict[str, Any]:
    """The archive's manifest, checked for format and schema; refuses anything else clearly."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("manifest.json")
            if info.file_size > _MAX_MANIFEST:
                raise StorageError(f"{path}: mục lục bản sao lưu quá lớn — tệp không phải bản sao lưu thư viện.")
            manifest = json.loads(zf.read(info).decode("utf-8"))
    except FileNotFoundError as exc:
        raise StorageError(f"Không có tệp {path}.") from exc
    except KeyError as exc:
        raise StorageError(f"{path} không phải bản sao lưu thư viện bản tin (thiếu manifest.json).") from exc
    except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, OSError) as exc:
        raise StorageError(f"{path} không phải bản sao lưu thư viện bản tin hoặc đã hỏng ({exc}).") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StorageError(f"{path} không phải bản sao lưu thư viện bản tin.")
    if manifest.get("format_version") != FORMAT_VERSION or manifest.get("schema") not in known_revisions():
        raise NewerDatabaseError(
            f"{path} được tạo bởi phiên bản mới hơn của ứng dụng (lược đồ {manifest.get('schema')}); "
            "hãy cập nhật ứng dụng rồi khôi phục."
        )
    return manifest


def summary(path: Path) -> ArchiveSummary:
    manifest = read_manifest(path)
    return ArchiveSummary(path, manifest["schema"], manifest["created"], manifest["source"], manifest["counts"])


def _verify_members(zf: zipfile.ZipFile, manifest: dict[str, Any], path: Path) -> None:
    for member, expected in manifest["files"].items():
        digest = hashlib.sha256()
        try:
            with zf.open(member) as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
        except (KeyError, zipfile.BadZipFile, OSError) as exc:
            raise StorageError(f"{path}: thiếu hoặc hỏng {member} ({exc}); thư viện đích giữ nguyên.") from exc
        if digest.hexdigest() != expected:
            raise StorageError(f"{path}: {member} bị hỏng (mã băm không khớp); thư viện đích giữ nguyên.")


def _rows(zf: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    with zf.open(f"tables/{name}.jsonl") as raw:
        for line in io.TextIOWrapper(raw, encoding="utf-8"):
            if line.strip():
                yield {k: _decode(v) for k, v in json.loads(line).items()}


# ---------------------------------------------------------------- restore


def library_content(conn: Connection) -> dict[str, int]:
    """What a library holds that a restore would replace (the seeded columns do not count)."""
    return {
        name: conn.execute(select(func.count()).select_from(_reflect(conn, name))).scalar_one()
        for name in ("articles", "issues", "assets")
    }


def restore_archive(engine: Engine, path: Path, force: bool, progress: Progress | None = None) -> ArchiveSummary:
    """Replace the (empty, or ``force``) library behind ``engine`` with the archive's content."""
    say = progress or (lambda _msg: None)
    manifest = read_manifest(path)
    with zipfile.ZipFile(path) as zf:
        say("verify")
        _verify_members(zf, manifest, path)
        with engine.execution_options(**WRITE).begin() as conn:
            held = library_content(conn)
            if any(held.values()) and not force:
                raise StorageError(
                    f"Thư viện đích đã có dữ liệu ({held['articles']} tin bài, {held['issues']} số bản tin, "
                    f"{held['assets']} ảnh): không khôi phục đè. Dùng --force để thay thế toàn bộ."
                )
            _empty(conn)
            schema = manifest["schema"]
            at_head = schema == head_revision()
            if not at_head:  # rows go in at their own schema; the migrations since then follow
                _migrate(conn, "downgrade", schema)
            for name in (t for t in TABLES if t in manifest["counts"]):
                say(name)
                _insert_table(conn, zf, name)
            say("check")
            _check(conn, manifest, path)  # as written, before the migrations since may merge rows
            if not at_head:
                _migrate(conn, "upgrade", "head")
            _reset_sequences(conn)
            say("index")
            search_backend(conn).rebuild(conn)
    return ArchiveSummary(path, schema, manifest["created"], manifest["source"], manifest["counts"])


def _empty(conn: Connection) -> None:
    conn.execute(text("DELETE FROM article_search"))
    conn.execute(text("UPDATE articles SET translation_id = NULL WHERE translation_id IS NOT NULL"))
    conn.execute(text("DELETE FROM presence"))
    for name in reversed(TABLES):
        conn.execute(text(f"DELETE FROM {name}"))


def _migrate(conn: Connection, direction: str, revision: str) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = conn
    getattr(command, direction)(config, revision)


def _insert_table(conn: Connection, zf: zipfile.ZipFile, name: str) -> None:
    table = _reflect(conn, name)
    pairs: list[tuple[int, int]] = []
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if batch:
            conn.execute(table.insert(), batch)
            batch.clear()

    for row in _rows(zf, name):
        if name == "assets":
            row["data"] = zf.read(f"assets/{row['sha256']}")
        if name == "articles" and row.get("translation_id") is not None:
            # Linked after every article is in: a partner may come later in the file.
            pairs.append((row["id"], row["translation_id"]))
            row["translation_id"] = None
        unknown = set(row) - set(table.c.keys())
        if unknown:
            raise StorageError(f"Bản sao lưu có cột lạ trong bảng {name}: {', '.join(sorted(unknown))}.")
        if batch and set(row) != set(batch[0]):
            flush()
        batch.append(row)
        if len(batch) >= _BATCH:
            flush()
    flush()
    for article_id, partner in pairs:
        conn.execute(text("UPDATE articles SET translation_id = :p WHERE id = :i"), {"p": partner, "i": article_id})


def _reset_sequences(conn: Connection) -> None:
    """Rows came in with their ids: a server's id sequences continue after the largest."""
    if conn.dialect.name != "postgresql":
        return
    for name in TABLES:
        if "id" in {c["name"] for c in inspect(conn).get_columns(name)}:
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), COALESCE(MAX(id), 1), "
                    f"MAX(id) IS NOT NULL) FROM {name}"
                )
            )


def _check(conn: Connection, manifest: dict[str, Any], path: Path) -> None:
    """Counts, every article's content hash and every picture's bytes, as the archive has them."""
    for name, expected in manifest["counts"].items():
        found = conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
        if found != expected:
            raise StorageError(f"Khôi phục {path}: bảng {name} có {found} dòng, bản sao lưu có {expected}; đã hủy.")
    digest = _articles_digest(
        (r[0], r[1]) for r in conn.execute(text("SELECT id, content_hash FROM articles ORDER BY id"))
    )
    if digest != manifest["articles_digest"]:
        raise StorageError(f"Khôi phục {path}: mã băm nội dung tin bài không khớp bản sao lưu; đã hủy.")
    for sha, data in conn.execute(text("SELECT sha256, data FROM assets")):
        if hashlib.sha256(bytes(data)).hexdigest() != sha:
            raise StorageError(f"Khôi phục {path}: ảnh {sha[:12]}… không khớp mã băm; đã hủy.")
