"""Sample content: a small library and a composed issue (first run, `bulletin demo`)."""

from __future__ import annotations

import datetime as dt
import io
import math
import tomllib
from typing import Any

from PIL import Image, ImageDraw

from bulletin_app.domain.article import ArticleDraft, ArticleStatus, Language
from bulletin_app.domain.changes import Changes
from bulletin_app.resources import resource_path
from bulletin_app.services.container import Services

_PALETTES = [((155, 28, 28), (242, 201, 76)), ((26, 79, 139), (137, 196, 244)), ((34, 110, 70), (190, 230, 160))]


def sample_photo(n: int, width: int = 3200, height: int = 2133) -> bytes:
    """A print-resolution illustration (sky gradient, hills, sun) — drawn, not downloaded."""
    top, bottom = _PALETTES[n % len(_PALETTES)]
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    draw.ellipse([width * 0.68, height * 0.12, width * 0.82, height * 0.33], fill=(255, 240, 200))
    for layer, shade in enumerate((0.55, 0.4, 0.25)):
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            y = height * (0.55 + 0.12 * layer) + math.sin(x / (260 + 90 * layer) + n + layer) * height * 0.06
            points.append((x, y))
        points.append((width, height))
        draw.polygon(points, fill=tuple(int(c * shade) for c in bottom))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=88, dpi=(300, 300))
    return out.getvalue()


def load_sample() -> dict[str, Any]:
    with resource_path("sample", "issue.toml").open("rb") as fh:
        return tomllib.load(fh)


def _draft(entry: dict[str, Any], suffix: str, column: str | None, image_ref: str) -> ArticleDraft:
    """The sample article in one language: ``suffix`` "" for Vietnamese, "_en" for English."""
    body = entry[f"body{suffix}"].strip()
    if image_ref:
        credit = entry.get("credit", "")  # its label is printed in the article's language
        title = f' "{credit}"' if credit else ""
        body = f"{body}\n\n![{entry.get(f'caption{suffix}', '')}](asset:{image_ref}{title})"
    return ArticleDraft(
        title=entry[f"title{suffix}"],
        sapo=entry.get(f"sapo{suffix}", ""),
        body=body,
        byline=entry.get(f"byline{suffix}", ""),
        column=column,
        published=dt.datetime(2026, 11, 10, 9, 0),
        language=Language.EN if suffix else Language.VI,
    )


def create_sample(services: Services) -> tuple[int, Changes]:
    """Add the sample articles (approved) with their English versions (linked), their photos, the
    licence data and a composed issue (a Vietnamese edition; the English part is one setting away)."""
    sample = load_sample()
    pub = services.publication.get()
    for key, value in sample.get("publication", {}).items():
        setattr(pub, key, value)
    changes = services.publication.save(pub)
    photos: dict[int, str] = {}
    placed: list[tuple[str, int]] = []
    for entry in sample["articles"]:
        ref = ""
        if "image" in entry:
            n = int(entry["image"])
            if n not in photos:
                asset, _ = services.assets.add_bytes(sample_photo(n), f"anh-mau-{n}.jpg")
                photos[n] = asset.ref
            ref = photos[n]
        column = None if entry["section"] == "Thư ngỏ" else entry["section"]
        article_id, added = services.articles.add(_draft(entry, "", column, ref), ArticleStatus.APPROVED)
        changes |= added
        placed.append((entry["section"], article_id))
        if "title_en" in entry:  # its English version, linked as its translation
            _english, added = services.articles.add(
                _draft(entry, "_en", column, ref), ArticleStatus.APPROVED, translation_of=article_id
            )
            changes |= added
    meta = sample["issue"]
    issue_id, created = services.issues.create(int(meta["number"]), meta["date"], meta["title"], meta["period"])
    changes |= created
    for section, article_id in placed:
        changes |= services.issues.add_articles(issue_id, [article_id], section)[1]
    return issue_id, changes
