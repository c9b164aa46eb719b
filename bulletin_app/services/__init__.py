"""Use cases. Each public method is one unit of work and mutations return ``Changes``."""

from bulletin_app.services.container import Services

__all__ = ["Services"]
