"""The print PDF is PDF/X-4 (read back by a structural checker), the screen PDF keeps RGB and
links, and an output profile that is not a printer's CMYK profile is refused by name."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from bulletin_app.domain.article import ArticleStatus
from bulletin_app.domain.errors import ValidationError
from bulletin_app.services.export import ExportSettings
from bulletin_app.services.sample import create_sample
from tests.pdfx_check import image_colour_spaces, problems

PRESS = {"booklet": True, "bleed_mm": 3.0, "crop_marks": True, "force": True}


@pytest.fixture
def sample(services):  # type: ignore[no-untyped-def]
    issue_id, _ = create_sample(services)
    return services, issue_id


@pytest.fixture
def seeds_issue(seeded):  # type: ignore[no-untyped-def]
    services = seeded
    ids = services.articles.list_ids(order="id")
    for article_id in ids:
        services.articles.update(article_id, None, status=ArticleStatus.APPROVED.value)
    issue_id, _ = services.issues.create(7, dt.date(2026, 12, 15), "Số các bài mẫu")
    services.issues.add_articles(issue_id, ids, "Sự kiện – Hoạt động")
    return services, issue_id


@pytest.mark.parametrize("which", ["sample", "seeds_issue"])
def test_the_print_pdf_is_pdfx4(which, request, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, issue_id = request.getfixturevalue(which)
    report = services.exports.export_pdf(issue_id, tmp_path / "in.pdf", ExportSettings(**PRESS))
    assert report.pdf is not None
    assert problems(report.pdf.path) == []
    spaces = image_colour_spaces(report.pdf.path)
    assert set(spaces) <= {"/DeviceRGB", "/DeviceGray"}, spaces  # photographs as held, under /DefaultRGB sRGB


def test_the_screen_pdf_keeps_rgb_and_links(sample, tmp_path) -> None:  # type: ignore[no-untyped-def]
    services, issue_id = sample
    report = services.exports.export_pdf(issue_id, tmp_path / "web.pdf", ExportSettings(profile="screen", force=True))
    assert report.pdf is not None
    reader = PdfReader(report.pdf.path)
    assert "/OutputIntents" not in reader.trailer["/Root"]
    assert "/GTS_PDFXVersion" not in (reader.metadata or {})
    assert any(page.get("/Annots") for page in reader.pages)  # the contents' links
    found = problems(report.pdf.path)
    assert any("RGB" in p for p in found) and any("output intent" in p for p in found)  # the checker can fail


def test_a_wrong_output_profile_is_refused_by_name(sample, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PIL import ImageCms

    services, issue_id = sample
    display = tmp_path / "man-hinh.icc"
    display.write_bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    not_icc = tmp_path / "khong-phai.icc"
    not_icc.write_bytes(b"x" * 400)
    for path, words in ((display, "man-hinh.icc"), (not_icc, "không phải tệp hồ sơ màu ICC")):
        with pytest.raises(ValidationError, match=words):
            services.exports.export_pdf(issue_id, tmp_path / "x.pdf", ExportSettings(output_profile=path, force=True))
        assert not (tmp_path / "x.pdf").exists()


def test_theme_colours_have_a_press_value(tmp_path) -> None:
    from bulletin_app.exporters.colour import parse_colour, process_colour
    from bulletin_app.exporters.theme import load_theme
    from bulletin_app.resources import resource_path

    theme = load_theme(resource_path("themes", "default.toml"))
    assert theme.colors["text"].cmyk == (0, 0, 0, 1)  # body text in black ink only, never rich black
    assert theme.colors["muted"].cmyk[:3] == (0, 0, 0)  # greys too
    accent = theme.colors["accent"]
    assert accent.hex == "#9b1c1c" and accent.cmyk[1] > 0.9 and accent.cmyk[0] == 0
    assert process_colour("#1a1a1a") == (0, 0, 0, 1) and process_colour("#808080")[:3] == (0, 0, 0)
    red = process_colour("#c8102e")  # through the FOGRA39 profile
    assert red[0] < 0.05 and red[1] > 0.9 and red[2] > 0.6
    assert parse_colour({"rgb": "#123456", "cmyk": [10, 20, 30, 40]}).cmyk == (0.1, 0.2, 0.3, 0.4)
    source = resource_path("themes", "default.toml").read_text(encoding="utf-8")
    bad = tmp_path / "hong.toml"
    bad.write_text(source.replace("cmyk = [0, 0, 0, 100]", "cmyk = [0, 0, 0]"), encoding="utf-8")
    with pytest.raises(ValidationError, match="màu text: cmyk phải là 4 số"):
        load_theme(bad)
    bad.write_text(source.replace('rgb = "#1a1a1a"', 'rgb = "đen"'), encoding="utf-8")
    with pytest.raises(ValidationError, match="màu text"):
        load_theme(bad)
