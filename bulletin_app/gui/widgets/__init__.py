"""Pieces every page uses: error messages, translated labels of the domain's values,
drag-and-drop types, the user's settings, the article picker."""
