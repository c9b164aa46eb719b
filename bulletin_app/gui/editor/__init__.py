"""The article editor window: the rich body, metadata, findings, autosave, revisions;
an article and its translation side by side."""
