"""The article editor's database work, run on its TaskRunner off the GUI thread.

Reading an article with its pictures, adding a new article from the editor's fields (a
first save, or the copy kept when a save conflict is resolved by reloading), storing a
picture. The functions return plain results; the editor applies them on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QImage

from bulletin_app.domain.article import Article, ArticleStatus
from bulletin_app.domain.article_rules import draft_from_values, editable_values
from bulletin_app.domain.changes import Changes
from bulletin_app.domain.errors import BulletinError
from bulletin_app.gui.editor.body_document import figure_refs
from bulletin_app.services import Services


def load_images(services: Services, refs: list[str]) -> dict[str, QImage]:
    """Pictures of the body, read and decoded off the GUI thread (QImage is thread-safe)."""
    images: dict[str, QImage] = {}
    for ref in refs:
        try:
            asset = services.assets.get(ref)
            image = QImage.fromData(services.assets.data(asset))
        except BulletinError:
            continue
        if not image.isNull():
            images[ref] = image
    return images


def read_article(services: Services, article_id: int) -> tuple[Article, dict[str, QImage]]:
    article = services.articles.get(article_id)
    return article, load_images(services, figure_refs(article.body))


def article_fields(article: Article) -> dict[str, Any]:
    """An article as the editor's fields (the keys the article service takes)."""
    return dict(editable_values(article))


def add_article(services: Services, fields: dict[str, Any]) -> tuple[Article, Changes]:
    """The first save of a new article."""
    draft = draft_from_values(fields)
    article_id, changes = services.articles.add(draft, ArticleStatus(fields["status"]), fields["translation_id"])
    return services.articles.get(article_id), changes


def keep_copy_and_reload(
    services: Services, fields: dict[str, Any], copy_title: str, article_id: int
) -> tuple[Article, dict[str, QImage], Changes, int]:
    """A save conflict resolved by reloading: the editor's text becomes a draft article of its
    own, then the latest version is read. Returns (article, images, changes, copy id)."""
    copy_id, changes = services.articles.add(draft_from_values(fields, copy_title))
    article, images = read_article(services, article_id)
    return article, images, changes, copy_id


def store_image(services: Services, add: Callable[[], tuple[Any, Changes]]) -> tuple[str, QImage]:
    """Add a picture to the library with ``add``; returns its reference and decoded image."""
    asset, _changes = add()
    return asset.ref, QImage.fromData(services.assets.data(asset))
