"""File → ArticleDraft converters, chosen through :mod:`bulletin_app.importers.registry`."""
