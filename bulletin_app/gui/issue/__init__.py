"""The issue composer: sections and entries, the issue's details, the live preview of the real PDF."""
