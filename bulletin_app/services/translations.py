"""The translation round trip: a translator's package out, the English articles back in.

Out: the Vietnamese articles chosen (or an issue's) as a DOCX table or an XLIFF 1.2 file.
In: each article of the package creates its English partner (linked both ways) or updates
the existing one through the same versioned save as the editor, and is reported as created,
updated, untouched or with problems. A half-filled package imports what is there; the rest
keeps the Vietnamese text in place and is reported as untranslated, never dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bulletin_app.domain.article import Article, ArticleDraft, ArticleStatus, Language
from bulletin_app.domain.body import Run, runs_text
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import BulletinError, NotFoundError, ValidationError
from bulletin_app.domain.translation_units import Translated, apply_translation, units_of
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.services.progress import CancelToken, Progress, ProgressCallback, no_progress
from bulletin_app.storage import articles_repo, issues_repo
from bulletin_app.storage.database import Database

PACKAGE_SUFFIXES = (".docx", ".xlf", ".xliff")


@dataclass
class ArticleOutcome:
    """What one article of a package became."""

    original_id: int
    title: str = ""
    outcome: str = "untouched"  # created | updated | untouched | problem
    translation_id: int | None = None
    untranslated: list[str] = field(default_factory=list)  # unit ids still in Vietnamese
    problems: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "original_id": self.original_id,
            "title": self.title,
            "outcome": self.outcome,
            "translation_id": self.translation_id,
            "untranslated": self.untranslated,
            "problems": self.problems,
        }


@dataclass
class PackageReport:
    path: str
    articles: list[ArticleOutcome] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the file as a whole
    changes: Changes = field(default_factory=Changes)

    def count(self, outcome: str) -> int:
        return sum(a.outcome == outcome for a in self.articles)

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "articles": [a.as_json() for a in self.articles],
            "problems": self.problems,
            "created": self.count("created"),
            "updated": self.count("updated"),
            "untouched": self.count("untouched"),
        }


@dataclass(frozen=True)
class AlignedRow:
    unit_id: str  # the original's unit ("" for a unit only the translation has)
    kind: str
    source: str
    target: str
    target_runs: tuple[Run, ...] = ()


@dataclass(frozen=True)
class Aligned:
    original: Article
    translation: Article | None
    rows: list[AlignedRow]


@dataclass(frozen=True)
class PackageWritten:
    path: Path
    articles: int
    units: int


class TranslationService:
    def __init__(self, db: Database, author: str) -> None:
        self._db = db
        self._author = author

    def originals_of_issue(self, issue_id: int) -> list[int]:
        """The Vietnamese articles of an issue, in print order."""
        with self._db.read() as s:
            issue = issues_repo.get_issue(s, issue_id)
            return [i for i in issue.article_ids if articles_repo.get_article(s, i).language == Language.VI]

    def export_package(self, article_ids: Sequence[int], dest: Path, title: str = "") -> PackageWritten:
        """Write the package for ``article_ids`` (Vietnamese articles) as ``dest`` (.docx or .xlf)."""
        from bulletin_app.exporters.translation_package import PackageArticle, write_docx, write_xliff

        suffix = dest.suffix.lower()
        if suffix not in PACKAGE_SUFFIXES:
            raise ValidationError("Gói dịch", f"“{dest.name}”: chọn tên tệp .docx (Word) hoặc .xlf (XLIFF)")
        if not article_ids:
            raise ValidationError("Gói dịch", "chưa chọn tin bài nào")
        with self._db.read() as s:
            originals = [articles_repo.get_article(s, i) for i in dict.fromkeys(article_ids)]
        english = [a for a in originals if a.language != Language.VI]
        if english:
            raise ValidationError(
                "Gói dịch",
                f"tin bài {', '.join(str(a.id) for a in english)} không phải tiếng Việt (gói dịch là Việt → Anh)",
            )
        articles = [PackageArticle(a.id, a.title, tuple(units_of(a))) for a in originals]
        name = title or f"Gói dịch Việt – Anh ({len(articles)} tin bài)"
        write = write_docx if suffix == ".docx" else write_xliff
        path = write(articles, dest, name if suffix == ".docx" else dest.name)
        return PackageWritten(path, len(articles), sum(len(a.units) for a in articles))

    def create_partner(self, original_id: int) -> tuple[Article, Changes]:
        """A new English article for a Vietnamese original, linked both ways and laid out on its
        structure (headings, lists, tables, pictures and captions in the same places), each
        unit holding the Vietnamese text to translate in place."""
        with self._db.unit() as s:
            original = articles_repo.get_article(s, original_id)
            if original.language != Language.VI:
                raise ValidationError("Bản dịch", f"tin bài {original_id} không phải tiếng Việt")
            if original.translation_id is not None:
                raise ValidationError("Bản dịch", f"tin bài {original_id} đã có bản dịch số {original.translation_id}")
            draft = _english_draft(original, apply_translation(original, {}))
            new_id = articles_repo.add_article(s, draft, ArticleStatus.DRAFT)
            article = articles_repo.update_article(s, new_id, None, {"translation_id": original_id}, self._author)
        return article, Changes(articles_added=frozenset({new_id}), articles_changed=frozenset({original_id}))

    def aligned(self, article_id: int) -> Aligned:
        """The pair of ``article_id`` unit by unit: the original's units, each beside the
        translation's text at the same place; the translation's units with no place in the
        original come last."""
        with self._db.read() as s:
            article = articles_repo.get_article(s, article_id)
            partner = articles_repo.get_article(s, article.translation_id) if article.translation_id else None
        original, translation = (article, partner) if article.language == Language.VI else (partner, article)
        if original is None:
            raise ValidationError("Bản dịch", f"tin bài {article_id} chưa nối với bản gốc tiếng Việt")
        theirs = {u.id.split(":", 1)[1]: u for u in units_of(translation)} if translation else {}
        rows = []
        for unit in units_of(original):
            place = unit.id.split(":", 1)[1]
            other = theirs.pop(place, None)
            rows.append(
                AlignedRow(unit.id, unit.kind, unit.text, other.text if other else "", other.runs if other else ())
            )
        rows += [AlignedRow("", u.kind, "", u.text, u.runs) for u in theirs.values()]
        return Aligned(original, translation, rows)

    def save_aligned(self, original_id: int, expected_version: int, texts: dict[str, str]) -> tuple[Article, Changes]:
        """Save translation texts typed beside their originals (unit id → text) into the partner,
        versioned: ``expected_version`` is the partner's version the translator started from.
        A unit whose text was not changed keeps its emphasis."""
        aligned = self.aligned(original_id)
        if aligned.translation is None:
            raise ValidationError("Bản dịch", "chưa có bản dịch: hãy tạo bản tiếng Anh trước")
        targets: dict[str, tuple[Run, ...]] = {}
        for row in aligned.rows:
            if not row.unit_id:
                continue
            text = " ".join(texts.get(row.unit_id, row.target).split())
            targets[row.unit_id] = row.target_runs if text == " ".join(row.target.split()) else (Run(text),)
        translated = apply_translation(aligned.original, targets)
        fields = {
            "title": translated.title,
            "sapo": translated.sapo,
            "body": translated.body,
            "byline": translated.byline,
        }
        with self._db.unit() as s:
            article = articles_repo.update_article(s, aligned.translation.id, expected_version, fields, self._author)
        return article, Changes(articles_changed=frozenset({article.id}))

    def import_package(
        self, path: Path, progress: ProgressCallback = no_progress, cancel: CancelToken | None = None
    ) -> PackageReport:
        """Read a filled package back; each article is its own transaction."""
        from bulletin_app.importers.translation_package import read_package

        report = PackageReport(str(path))
        try:
            content = read_package(path)
        except (ImportProblem, OSError) as exc:
            raise ValidationError("Gói dịch", f"{path.name}: {exc}") from exc
        report.problems += content.problems
        by_article = content.by_article()
        changed: set[int] = set()
        for n, (original_id, rows) in enumerate(sorted(by_article.items())):
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(Progress(n, len(by_article), f"Tin bài {original_id}"))
            targets = {unit_id: row.target for unit_id, row in rows.items()}
            sources = {unit_id: row.source for unit_id, row in rows.items()}
            try:
                outcome = self._import_article(original_id, targets, sources)
            except BulletinError as exc:
                outcome = ArticleOutcome(original_id, outcome="problem", problems=[exc.message])
            report.articles.append(outcome)
            if outcome.translation_id is not None and outcome.outcome in ("created", "updated"):
                changed |= {original_id, outcome.translation_id}
        progress(Progress(len(by_article), len(by_article), "Xong"))
        report.changes = Changes(articles_changed=frozenset(changed))
        return report

    def _import_article(
        self, original_id: int, targets: dict[str, tuple[Run, ...]], sources: dict[str, str]
    ) -> ArticleOutcome:
        with self._db.unit() as s:
            try:
                original = articles_repo.get_article(s, original_id)
            except NotFoundError:
                return ArticleOutcome(
                    original_id, outcome="problem", problems=[f"không có tin bài số {original_id} trong thư viện"]
                )
            outcome = ArticleOutcome(original_id, original.title)
            if original.language != Language.VI:
                outcome.outcome = "problem"
                outcome.problems.append(f"tin bài {original_id} không phải bản gốc tiếng Việt")
                return outcome
            expected = {u.id: u for u in units_of(original)}
            outcome.problems += _row_problems(expected, sources, targets)
            translated = apply_translation(original, {k: v for k, v in targets.items() if k in expected})
            outcome.untranslated = list(translated.untranslated)
            if len(translated.untranslated) == len(expected):
                outcome.problems.append("chưa dịch đoạn nào")
                return outcome
            partner = articles_repo.get_article(s, original.translation_id) if original.translation_id else None
            fields = {
                "title": translated.title,
                "sapo": translated.sapo,
                "body": translated.body,
                "byline": translated.byline,
            }
            if partner is None:
                new_id = articles_repo.add_article(s, _english_draft(original, translated), ArticleStatus.EDITING)
                articles_repo.update_article(s, new_id, None, {"translation_id": original_id}, self._author)
                outcome.outcome, outcome.translation_id = "created", new_id
            else:
                outcome.translation_id = partner.id
                before = _fields(partner)
                after = articles_repo.update_article(s, partner.id, partner.version, fields, self._author)
                outcome.outcome = "untouched" if _fields(after) == before else "updated"
        return outcome


def _english_draft(original: Article, translated: Translated) -> ArticleDraft:
    """The English partner of ``original``: its translated text, the original's source, date,
    column and tags."""
    return ArticleDraft(
        translated.title,
        translated.body,
        translated.sapo,
        translated.byline,
        original.source_name,
        original.source_url,
        original.published,
        original.published_has_time,
        original.column,
        list(original.tags),
        Language.EN,
    )


def _fields(article: Article) -> tuple[str, str, str, str]:
    return (article.title, article.sapo, article.body, article.byline)


def _row_problems(expected: dict, sources: dict[str, str], targets: dict[str, tuple[Run, ...]]) -> list[str]:
    problems = []
    for unit_id in sorted(set(sources) - set(expected)):
        problems.append(f"hàng {unit_id} không còn trong tin bài (tin đã sửa sau khi xuất gói?) — bỏ qua")
    for unit_id in sorted(set(expected) - set(sources)):
        problems.append(f"thiếu hàng {unit_id} ({expected[unit_id].kind}) — giữ nguyên tiếng Việt")
    for unit_id in sorted(set(expected) & set(sources)):
        source, current = " ".join(sources[unit_id].split()), " ".join(expected[unit_id].text.split())
        if source != current:
            where = (
                "cột tiếng Việt bị sửa"
                if runs_text(targets.get(unit_id, ()))
                else "bản dịch gõ nhầm vào cột tiếng Việt?"
            )
            problems.append(f"hàng {unit_id}: {where} (khác bản gốc hiện tại)")
    return problems
