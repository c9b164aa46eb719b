"""An article's findings after each save: what proofing finds again, what the import left."""

from __future__ import annotations

from bulletin_app.domain.article import ArticleDraft


def test_findings_follow_every_save(services) -> None:  # type: ignore[no-untyped-def]
    """A fix saved is gone from the findings at once (the library's count, check, proof agree);
    what proofing does not recompute (a near duplicate, a picture not read) stays."""
    from bulletin_app.domain.findings import Finding

    article_id, _ = services.articles.add(ArticleDraft("Tin về uBND tỉnh", "Lãnh đạo uBND tỉnh tiếp đoàn ,  KOICa."))
    services.articles.set_findings(
        article_id,
        [
            Finding("near-duplicate", "Gần trùng 85% với tin bài số 3.", "3"),
            *services.articles.proof(article_id).findings,
        ],
    )
    kinds = {f.kind for f in services.articles.get(article_id).findings}
    assert {"case-flip", "space-before-punct", "near-duplicate"} <= kinds
    services.articles.update(article_id, None, title="Tin về UBND tỉnh", body="Lãnh đạo UBND tỉnh tiếp đoàn, KOICA.")
    after = services.articles.get(article_id)
    assert [f.kind for f in after.findings] == ["near-duplicate"]
    assert services.articles.summaries([article_id])[0].findings == 1
    services.articles.update(article_id, None, status="editing")  # not a text change: findings untouched
    assert [f.kind for f in services.articles.get(article_id).findings] == ["near-duplicate"]
