"""The desktop application (the only package importing PySide6)."""
