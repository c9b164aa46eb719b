"""Vietnamese or English, told from the text: real-looking articles, sapos, titles, captions, bylines."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bulletin_app.text.language import detect_language

SAMPLES = tomllib.loads((Path(__file__).parent / "data" / "language" / "samples.toml").read_text("utf-8"))


@pytest.mark.parametrize("text", SAMPLES["vi"])
def test_vietnamese_is_vietnamese(text: str) -> None:
    guess = detect_language(text)
    assert guess.language == "vi", guess
    assert not guess.mixed


@pytest.mark.parametrize("text", SAMPLES["en"])
def test_english_is_english(text: str) -> None:
    guess = detect_language(text)
    assert guess.language == "en", guess
    assert not guess.mixed


@pytest.mark.parametrize("text", SAMPLES["mixed"])
def test_a_text_in_both_languages_is_flagged_mixed(text: str) -> None:
    guess = detect_language(text)
    assert guess.mixed, guess
    assert guess.vi_words > 0 and guess.en_words > 0


def test_enough_samples_of_each_kind() -> None:
    assert len(SAMPLES["vi"]) >= 20 and len(SAMPLES["en"]) >= 20
    short = [t for t in SAMPLES["vi"] + SAMPLES["en"] if len(t.split()) <= 3]
    assert len(short) >= 6  # titles, bylines, one-word column names


@pytest.mark.parametrize("text", ["", "   ", "2026", "UBND – USD – JICA", "12/11/2026"])
def test_text_without_words_of_either_language_says_nothing(text: str) -> None:
    assert detect_language(text).language is None


def test_seeds_are_vietnamese() -> None:
    seeds = sorted((Path(__file__).parent / "data" / "seeds").glob("*.txt"))
    assert seeds, "the project's own copies of the seeds"
    for path in seeds:
        guess = detect_language(path.read_text("utf-8"))
        assert guess.language == "vi" and not guess.mixed, (path.name, guess)
        assert guess.confidence > 0.8
