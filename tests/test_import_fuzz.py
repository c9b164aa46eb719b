"""Fuzzing the importers: mutated seed files, DOCX packages and a saved web page go through
the registry and its readers. Whatever the bytes, the outcome is a draft the body format
reads, or an ImportProblem with a clear message; never another exception.

Bounded for CI: 150 examples for each kind, about 15 s in all on two cores.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin_app.domain.body import parse_body
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.importers.registry import reader_for
from tests.conftest import SEEDS
from tests.test_docx_import import build_docx

# derandomize: CI runs the same 150 cases each time (a failure is reproducible, never flaky);
# run with HYPOTHESIS_PROFILE-free settings locally to explore further.
FUZZ = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
PAGE = Path(__file__).parent / "data" / "html" / "trang-tin-da-luu.html"
_names = itertools.count()

# One edit of a byte string: where (as a fraction of its length) and what.
edits = st.one_of(
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=40)),
    st.tuples(
        st.just("insert"),
        st.floats(0, 1),
        # pieces the readers give meaning to: structure, end markers, escapes, misread UTF-8
        st.sampled_from(
            [
                "\n",
                ". ",
                "# ",
                "Tin bài liên quan\n",
                "<p>",
                "</div>",
                "<script>",
                "<img src='x.jpg'>",
                "&#x0;",
                "\u00a0",
                "á»Ÿ",
                "Ä\ufffd",
            ]
        ).map(lambda s: s.encode("utf-8")),
    ),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 400)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0)),
)


def mutate(data: bytes, changes: list[tuple[str, float, object]]) -> bytes:
    out = bytearray(data)
    for kind, where, what in changes:
        at = min(int(where * len(out)), max(len(out) - 1, 0))
        if kind == "flip" and out:
            out[at] = int(what)  # type: ignore[call-overload]
        elif kind == "insert":
            out[at:at] = what  # type: ignore[assignment]
        elif kind == "delete":
            del out[at : at + int(what)]  # type: ignore[call-overload]
        elif kind == "truncate":
            del out[at:]
    return bytes(out)


def check_reads(folder: Path, name: str, data: bytes) -> None:
    path = folder / f"{next(_names)}-{name}"
    path.write_bytes(data)
    try:
        parsed = reader_for(path)(path)
    except ImportProblem as exc:
        message = str(exc)
        assert message.strip() and "Traceback" not in message, repr(message)
        return
    draft = parsed.draft
    assert draft.title.strip() or any(f.kind == "title-needed" for f in draft.findings)  # empty and flagged
    parse_body(draft.body)  # the body is in the format, whatever came in
    for placeholder, _data, _name in draft.images:
        assert f"asset:{placeholder}" in draft.body


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def seed_files() -> list[bytes]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.fail("tests/data/seeds holds no seed")
    return [p.read_bytes() for p in files]


@pytest.fixture(scope="module")
def docx_package(workdir: Path) -> Path:
    build_docx(workdir / "base.docx")
    return workdir / "base.docx"


@FUZZ
@given(
    seed=st.integers(0, 4),
    extension=st.sampled_from([".txt", ".md", ".html"]),
    changes=st.lists(edits, min_size=1, max_size=12),
)
def test_mutated_seed_files(workdir, seed_files, seed: int, extension: str, changes) -> None:  # type: ignore[no-untyped-def]
    check_reads(workdir, f"seed{extension}", mutate(seed_files[seed % len(seed_files)], changes))


@st.composite
def package_changes(draw: st.DrawFn, names: list[str]) -> list[tuple[str, str, object]]:
    """Changes to the members of a DOCX package: deleted, replaced, or their bytes mutated."""
    member = st.sampled_from(names)
    change = st.one_of(
        st.tuples(st.just("delete"), member, st.none()),
        st.tuples(st.just("replace"), member, st.binary(max_size=300)),
        st.tuples(st.just("mutate"), member, st.lists(edits, min_size=1, max_size=6)),
    )
    return draw(st.lists(change, min_size=1, max_size=4))


@FUZZ
@given(data=st.data())
def test_mutated_docx_packages(workdir, docx_package: Path, data: st.DataObject) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(docx_package) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    if data.draw(st.booleans(), label="inside the package"):
        for kind, name, what in data.draw(package_changes(sorted(parts)), label="member changes"):
            if name not in parts:
                continue
            if kind == "delete":
                del parts[name]
            elif kind == "replace":
                parts[name] = what  # type: ignore[assignment]
            else:
                parts[name] = mutate(parts[name], what)  # type: ignore[arg-type]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, content in parts.items():
                z.writestr(name, content)
        package = out.getvalue()
    else:  # the zip's own bytes: headers, directory, compressed data
        package = mutate(
            docx_package.read_bytes(), data.draw(st.lists(edits, min_size=1, max_size=8), label="byte edits")
        )
    extension = data.draw(st.sampled_from([".docx", ".txt"]), label="extension")
    check_reads(workdir, f"package{extension}", package)


@FUZZ
@given(changes=st.lists(edits, min_size=1, max_size=12), extension=st.sampled_from([".html", ".txt"]))
def test_mutated_saved_page(workdir, changes, extension: str) -> None:  # type: ignore[no-untyped-def]
    check_reads(workdir, f"page{extension}", mutate(PAGE.read_bytes(), changes))
