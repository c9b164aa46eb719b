"""Vietnamese text core: normalising, folding, collation, tone style, dates.

Standard library only (enforced by import-linter): every other layer relies on
these functions being pure and dependency-free.
"""

from bulletin_app.text.collation import collation_key, sort_vi
from bulletin_app.text.dates import format_date_en, format_date_vi, format_dateline_vi, period_en
from bulletin_app.text.fold import fold, fold_with_map
from bulletin_app.text.normalize import clean_line, clean_text, has_marks, nfc
from bulletin_app.text.tone_style import ToneStyle, normalize_tone_style, tone_styles_used

__all__ = [
    "ToneStyle",
    "clean_line",
    "clean_text",
    "collation_key",
    "fold",
    "fold_with_map",
    "format_date_en",
    "format_date_vi",
    "format_dateline_vi",
    "has_marks",
    "nfc",
    "normalize_tone_style",
    "period_en",
    "sort_vi",
    "tone_styles_used",
]
