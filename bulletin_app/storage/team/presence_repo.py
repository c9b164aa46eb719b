"""Who has an article open in an editor: advisory claims that expire unless renewed.

One row per (article, window). A window renews its claim while the editor is open and drops
it when the editor closes; a window that crashed leaves a claim that simply expires.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bulletin_app.storage import upsert
from bulletin_app.storage.models import PresenceRow, utcnow

TTL = dt.timedelta(seconds=90)


def claim(s: Session, article_id: int, origin: str, holder: str) -> list[tuple[str, dt.datetime]]:
    """Say this window has the article open; returns the other holders (name, since) whose
    claims have not expired, oldest first."""
    now = utcnow()
    stmt = upsert.insert(s, PresenceRow).values(
        article_id=article_id, origin=origin, holder=holder, since=now, expires_at=now + TTL
    )
    s.execute(
        stmt.on_conflict_do_update(
            index_elements=["article_id", "origin"], set_={"expires_at": now + TTL, "holder": holder}
        )
    )
    rows = s.execute(
        select(PresenceRow.holder, PresenceRow.since)
        .where(PresenceRow.article_id == article_id, PresenceRow.origin != origin, PresenceRow.expires_at > now)
        .order_by(PresenceRow.since)
    ).all()
    return [(r[0], r[1]) for r in rows]


def release(s: Session, article_id: int, origin: str) -> None:
    s.execute(delete(PresenceRow).where(PresenceRow.article_id == article_id, PresenceRow.origin == origin))
    s.execute(delete(PresenceRow).where(PresenceRow.expires_at < utcnow() - TTL))  # old crashed windows' claims
