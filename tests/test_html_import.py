"""Web pages saved from a browser: only the article, its pictures, metadata and links."""

from __future__ import annotations

import base64
import datetime as dt
import io
import shutil
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from bulletin_app.domain.body import Figure, Heading, ListBlock, Paragraph, Quote, Table, block_text, parse_body
from bulletin_app.importers.html_reader import read_html
from bulletin_app.importers.plain_text import ImportProblem
from bulletin_app.importers.registry import reader_for

DATA = Path(__file__).parent / "data" / "html"
PAGE = "trang-tin-da-luu"
URL = "https://songoaivu.thainguyen.gov.vn/tin-tuc/thai-nguyen-va-gyeongsangbuk-mo-rong-hop-tac-12345.html"


def _jpeg(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=85)
    return out.getvalue()


def saved_page(folder: Path) -> Path:
    """The fixture page as a browser saves it: the page and its "_files" folder (a photo,
    the site's logo, style sheet, script and a frame saved as its own page)."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{PAGE}.html"
    shutil.copyfile(DATA / f"{PAGE}.html", page)
    files = folder / f"{PAGE}_files"
    files.mkdir()
    (files / "anh-tiep-doan.jpg").write_bytes(_jpeg((800, 500), (30, 90, 160)))
    Image.new("RGB", (120, 40), (200, 0, 0)).save(files / "logo.png")
    (files / "main.css").write_text(".article-body p { margin: 0 }", encoding="utf-8")
    (files / "jquery.min.js.tải xuống").write_text("/*! jQuery */ window.jQuery = {};", encoding="utf-8")
    (files / "saved_resource.html").write_text(
        "<html><body><p>Quảng cáo trong khung: mua ngay hôm nay, giảm giá năm mươi phần trăm cho mọi "
        "khách hàng đăng ký trước cuối tháng này.</p></body></html>",
        encoding="utf-8",
    )
    return page


def _asset_count(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(con.execute("SELECT count(*) FROM assets").fetchone()[0])


def test_saved_page_gives_only_the_article_with_its_picture(services, tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved_page(tmp_path / "in")
    report = services.imports.import_paths([tmp_path / "in"])
    # The "_files" folder is part of the page: its frame page is not a second article.
    assert [Path(r.path).name for r in report.results] == [f"{PAGE}.html"], report.results
    result = report.imported[0]
    article = services.articles.get(result.id)
    assert article.title == "Thái Nguyên và tỉnh Gyeongsangbuk (Hàn Quốc) mở rộng hợp tác giáo dục, nông nghiệp"
    assert article.sapo.startswith("Ngày 14/3, tại Trụ sở UBND tỉnh, Phó Chủ tịch UBND tỉnh Đặng Xuân Trường")
    assert article.sapo.endswith("giao lưu nhân dân.")
    assert article.published == dt.datetime(2024, 3, 14, 15, 30) and article.published_has_time
    assert article.byline == "Minh Hằng"
    assert article.source_name == "Sở Ngoại vụ tỉnh Thái Nguyên"
    assert article.source_url == URL

    blocks = parse_body(article.body)
    assert [type(b) for b in blocks] == [
        Paragraph, Figure, Paragraph, Heading, Paragraph, ListBlock, Paragraph, Table, Quote, Paragraph, Figure,
    ]  # fmt: skip
    assert block_text(blocks[0]).startswith("Phát biểu chào mừng Đoàn, Phó Chủ tịch UBND tỉnh khẳng định")
    assert block_text(blocks[3]) == "Nhiều kết quả sau hơn 10 năm hợp tác"
    assert block_text(blocks[5]).splitlines()[1] == "Nông nghiệp công nghệ cao, nhất là chè và cây ăn quả;"
    table = blocks[7]
    assert isinstance(table, Table) and table.header is not None
    assert [block_text(Paragraph(c)) for c in table.header] == ["Năm", "Số đoàn trao đổi", "Số dự án tài trợ"]
    assert block_text(blocks[8]).startswith("“Gyeongsangbuk coi Thái Nguyên là người bạn thân thiết")
    assert block_text(blocks[9]).endswith("vào tháng 10/2024.")
    # The relative link is resolved against the page's address.
    link = next(r for r in blocks[2].runs if r.href)  # type: ignore[union-attr]
    assert link.text == "theo Kế hoạch số 12/KH-UBND"
    assert link.href == "https://songoaivu.thainguyen.gov.vn/van-ban/ke-hoach-12-kh-ubnd.html"

    # The photo saved with the page is in the library with its caption; the one that was
    # never saved keeps its caption and is reported.
    photo, missing = blocks[1], blocks[10]
    assert isinstance(photo, Figure) and isinstance(missing, Figure)
    assert photo.caption == (
        "Phó Chủ tịch UBND tỉnh Đặng Xuân Trường tặng quà lưu niệm Phó Tỉnh trưởng Kim Hak-hong. (Ảnh: TNGOV)"
    )
    asset = services.assets.get(photo.asset)
    assert (asset.width, asset.height, asset.mime) == (800, 500, "image/jpeg")
    assert missing.asset == "" and missing.caption.startswith("Lễ ký kết Biên bản ghi nhớ")
    assert any(f.kind == "image-missing" and "ky-ket.jpg" in f.message for f in result.findings)
    assert _asset_count(tmp_path / "library.db") == 1  # not the logo, not the frame's

    everything = "\n".join([article.title, article.sapo, article.body, article.byline])
    for junk in (
        "KHOA-BI-MAT-TRONG-SCRIPT",  # script in the head
        "dataLayer",
        "QUẢNG CÁO CHÈN GIỮA BÀI",  # document.write() inside the article
        "quang-cao-giua-bai",
        "TRACKER-ID",
        "font-family",  # style sheet
        "JavaScript",  # noscript
        "Trang chủ",
        "Đăng nhập",
        "Tìm kiếm",
        "Lượt xem",
        "Chia sẻ",
        "Từ khóa",
        "Tin bài liên quan",
        "Đoàn công tác của tỉnh thăm và làm việc tại Hàn Quốc",
        "Các tin bài khác",
        "Đọc nhiều",
        "Thái Nguyên đón Đoàn Đại sứ các nước ASEAN",
        "Phóng sự",
        "Bản quyền",
        "Phiên bản di động",
        "Quảng cáo trong khung",
    ):
        assert junk not in everything, junk


def test_html_named_txt_base_href_bold_sapo_inline_picture(tmp_path) -> None:  # type: ignore[no-untyped-def]
    png = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 40)).save(png, "PNG")
    inline = base64.b64encode(png.getvalue()).decode()
    path = tmp_path / "trang-tin.txt"  # a web page under a .txt name: recognised by its content
    path.write_text(
        f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>Hội nghị tổng kết công tác đối ngoại năm 2024 - Báo Thái Nguyên</title>
<base href="https://baothainguyen.vn/chinh-tri/"></head>
<body><div class="menu"><a href="/">Trang chủ</a> <a href="/kinh-te">Kinh tế</a></div>
<h1>Hội nghị tổng kết công tác đối ngoại năm 2024</h1>
<p class="date">10:24, 27/12/2024</p>
<p><b>Sáng 27/12, Sở Ngoại vụ tổ chức Hội nghị tổng kết công tác đối ngoại năm 2024 với sự tham dự của lãnh đạo
các sở, ngành và địa phương trong tỉnh.</b></p>
<p>Năm 2024, tỉnh đã đón 35 đoàn khách quốc tế và ký kết 5 văn bản hợp tác với các địa phương nước ngoài,
theo <a href="../van-ban/ke-hoach-12.html">Kế hoạch số 12</a> của UBND tỉnh.</p>
<table class="image"><tr><td><img src="data:image/png;base64,{inline}"></td></tr>
<tr><td>Quang cảnh hội nghị (Ảnh: Báo Thái Nguyên)</td></tr></table>
<p>Hội nghị đề ra 9 nhiệm vụ trọng tâm năm 2025, chú trọng ngoại giao kinh tế và thu hút đầu tư <i>nước ngoài</i>.</p>
<p>Nguồn: Báo Thái Nguyên</p>
</body></html>""",
        encoding="utf-8",
    )
    assert reader_for(path) is read_html
    parsed = reader_for(path)(path)
    d = parsed.draft
    assert d.title == "Hội nghị tổng kết công tác đối ngoại năm 2024"  # the site name is not part of it
    assert d.published == dt.datetime(2024, 12, 27, 10, 24) and d.published_has_time
    assert d.sapo.startswith("Sáng 27/12, Sở Ngoại vụ tổ chức") and d.sapo.endswith("địa phương trong tỉnh.")
    assert d.source_name == "Báo Thái Nguyên"
    blocks = parse_body(d.body.replace("asset:__html_image_0__", "asset:abc123"))
    assert [type(b) for b in blocks] == [Paragraph, Figure, Paragraph]
    link = next(r for r in blocks[0].runs if r.href)  # type: ignore[union-attr]
    assert link.href == "https://baothainguyen.vn/van-ban/ke-hoach-12.html"
    assert blocks[1] == Figure("abc123", "Quang cảnh hội nghị (Ảnh: Báo Thái Nguyên)")
    assert [(r.text, r.italic) for r in blocks[2].runs][-2:] == [("nước ngoài", True), (".", False)]  # type: ignore[union-attr]
    assert len(d.images) == 1 and d.images[0][1] == png.getvalue()
    assert "Trang chủ" not in d.body and "10:24" not in d.body


def test_relative_links_without_a_base_and_pictures_outside_the_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "secret.jpg").write_bytes(_jpeg((50, 50), (0, 0, 0)))
    folder = tmp_path / "trang"
    folder.mkdir()
    path = folder / "bai.htm"
    path.write_text(
        """<html><body><article><h1>Đoàn đại biểu Lào thăm Thái Nguyên</h1>
<p>Chiều 5/12, lãnh đạo tỉnh tiếp Đoàn đại biểu tỉnh Luông Pha Băng (Lào) sang thăm và làm việc,
<a href="chi-tiet.html">xem chi tiết</a> và <a href="javascript:share()">chia sẻ</a>.</p>
<p><img src="../secret.jpg"><img src="file:///etc/hostname.jpg"></p>
<p>Hai bên trao đổi về hợp tác giáo dục, y tế và thương mại biên giới trong giai đoạn mới.</p>
</article></body></html>""",
        encoding="utf-8",
    )
    d = read_html(path).draft
    assert not d.images  # a page never makes the importer read files outside its own folder
    runs = [r for b in parse_body(d.body) if isinstance(b, Paragraph) for r in b.runs]
    assert not any(r.href for r in runs)  # nothing to resolve "chi-tiet.html" against: text only
    assert "xem chi tiết và chia sẻ" in d.body


def test_declared_charset_and_mojibake_in_pages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "cu.html"
    old.write_bytes(
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
            "<title>Tin Windows-1258</title></head><body><h1>Tin Windows-1258</h1>"
            "<p>Nô\u0323i dung tiê\u0301ng Viê\u0323t cu\u0309a trang cu\u0303, ma\u0303 hóa Windows-1258,"
            " vâ\u0303n đo\u0323c đu\u0301ng tư\u0300ng chư\u0303.</p></body></html>"
        ).encode("cp1258")
    )
    parsed = read_html(old)
    assert parsed.draft.body == "Nội dung tiếng Việt của trang cũ, mã hóa Windows-1258, vẫn đọc đúng từng chữ."
    right = "Sở Ngoại vụ tỉnh Thái Nguyên tổ chức hội nghị đối ngoại với người Việt Nam ở nước ngoài."
    # As a browser shows UTF-8 taken for Windows-1252 (its five undefined bytes as C1 controls).
    misread = "".join(
        bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in right.encode()
    )
    page = tmp_path / "loi-ma.html"
    page.write_text(f"<html><body><h1>Tin lỗi mã</h1><p>{misread}</p></body></html>", encoding="utf-8")
    parsed = read_html(page)
    assert parsed.draft.title == "Tin lỗi mã" and parsed.draft.body == right
    assert any(f.kind == "mojibake-repaired" for f in parsed.findings)
    assert not any(f.kind == "mojibake" for f in parsed.findings)


NAVIGATION_ONLY = "<html><head><title>Trang chủ</title></head><body><nav><a href='/'>Trang chủ</a></nav></body></html>"
SCRIPT_ONLY = (
    "<!DOCTYPE html><html><body><script>alert('Tin bài giả trong script, dài hơn mười hai chữ')</script></body>"
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "rỗng"),
        (b"   \n\t ", "rỗng"),
        (NAVIGATION_ONLY.encode(), "không có nội dung"),
        (SCRIPT_ONLY.encode(), "không có nội dung"),
        (b"\x00\x01\x02<html>", "nhị phân"),
    ],
)
def test_pages_without_an_article_are_a_clear_problem(tmp_path, content: bytes, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "trang.html"
    path.write_bytes(content)
    with pytest.raises(ImportProblem, match=message):
        read_html(path)
