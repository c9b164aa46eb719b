"""Use cases. Each public method is one unit of work and mutations return ``Changes``.

``Services`` is loaded on first use: a command that needs only one light service (a search
read through the standard library) does not import every other one and SQLAlchemy with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bulletin_app.services.container import Services

__all__ = ["Services"]


def __getattr__(name: str) -> Any:
    if name == "Services":
        from bulletin_app.services.container import Services

        return Services
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
