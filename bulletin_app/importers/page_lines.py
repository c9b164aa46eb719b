"""What one line of a copied news page is, read by its shape and words alone: a date line, a
byline, a source line, a picture's caption, the site's chrome (menus, buttons, counters,
widgets) or the start of what follows an article (related links, tags, comments, footer).

The vocabulary is that of Vietnamese news sites in general (provincial portals, department
sites, national and provincial papers, ministries) and of English news pages; where a line
sits is ``web_text``'s business.
"""

from __future__ import annotations

import datetime as dt
import re

from bulletin_app.domain.findings import Finding

MAX_TITLE = 160
TABLE_CELL = "\u241f"  # between the cells of a table row copied as tab-separated text
SENTENCE_END = re.compile(r"[.!?…](?=[\s”\"’)]|$)")
FINAL_PUNCT = tuple(".!?…:;,")

_MONTHS_EN = {
    m: i + 1
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        )
    )
    for m in names
}
_DATE_LABEL = (
    r"(?:(?:ngày\s+)?(?:đăng|cập\s+nhật|xuất\s+bản|đăng\s+tải|phát\s+hành|viết)|thời\s+gian|published(?:\s+on)?|"
    r"updated(?:\s+on)?|posted(?:\s+on)?|last\s+updated|date)(?:\s+lúc)?\s*:?\s*"
)
_WEEKDAY = (
    r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*)"
)
_TIME = (
    r"(?P<{h}>\d{{1,2}})(?:[:h]|\s*giờ\s*)(?P<{m}>\d{{2}})(?:\s*phút)?(?::\d{{2}})?"
    r"(?:\s*(?P<{ap}>am|pm|a\.m\.|p\.m\.|sa|ch))?"
)
_SEP = r"\s*[,|\-–—]?\s*"
_DMY = r"(?:ngày\s+)?(?P<d>\d{1,2})(?:[/.\-]|\s+tháng\s+)(?P<mo>\d{1,2})(?:[/.\-]|,?\s+(?:năm\s+)?)(?P<y>\d{4})"
_YMD = r"(?P<y4>\d{4})[/.\-](?P<mo4>\d{1,2})[/.\-](?P<d4>\d{1,2})"
_PLACE = r"(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3},\s*(?=ngày\s))?"
_MDY = r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d2>\d{1,2}),?\s+(?P<y2>\d{4})"
_DMY_EN = r"(?P<d3>\d{1,2})\s+(?P<mon3>[A-Za-z]{3,9})\.?,?\s+(?P<y3>\d{4})"
_DATE = re.compile(
    rf"^{_PLACE}(?:{_DATE_LABEL})?{_WEEKDAY}?(?:(?:lúc\s+)?{_TIME.format(h='h1', m='m1', ap='ap1')}{_SEP})?"
    rf"(?:{_DMY}|{_YMD}|{_MDY}|{_DMY_EN})"
    rf"(?:{_SEP}(?:lúc\s+)?{_TIME.format(h='h2', m='m2', ap='ap2')})?\s*(?:\(?(?:GMT|UTC)\s*[+-]\s*\d+\)?)?\.?$",
    re.IGNORECASE,
)


_BARE_TIME = re.compile(r"^(\d{1,2})[:h](\d{2})$")


def date_line_parts(line: str) -> list[str]:
    """The short items of a bar ("Tác giả: … | Đăng lúc: … | Lượt xem: 347", "Ngọc Mai · 2 giờ
    trước")."""
    return [p.strip() for p in re.split(r"\s+[|·•]\s+|\s+[·•]\s*$", line.strip()) if p.strip()]


def parse_date_line(line: str) -> tuple[dt.datetime, bool] | None:
    """A line that is only a date, as news pages print it ("10:24, 27/12/2019", "Thứ Năm,
    26/11/2026 - 15:20", "Cập nhật: 09:30 03/12/2026", "Published: November 18, 2026",
    "December 1, 2026 - 14:32"): (when, whether a time was printed)."""
    line = line.strip()
    m = _DATE.match(line)
    if not m:
        # "Posted on 12 October 2026 | Category: … | No Comments", "Ngày đăng: 07/03/2026 | Lượt
        # xem: 512": a date among a bar's short items
        parts = date_line_parts(line)
        if len(parts) < 2 or any(len(p.split()) > 9 for p in parts):
            return None
        found = [d for d in (parse_date_line(p) for p in parts) if d is not None]
        if len(found) != 1:
            return None
        when, has_time = found[0]
        times = [t for t in (_BARE_TIME.match(p) for p in parts) if t is not None]
        if not has_time and len(times) == 1:  # "19:45 | Thứ Tư, 25/06/2025"
            when, has_time = when.replace(hour=int(times[0].group(1)), minute=int(times[0].group(2))), True
        return when, has_time
    if m.group("d"):
        day, month, year = int(m.group("d")), int(m.group("mo")), int(m.group("y"))
    elif m.group("y4"):
        day, month, year = int(m.group("d4")), int(m.group("mo4")), int(m.group("y4"))
    else:
        name = (m.group("mon") or m.group("mon3") or "").lower()
        if name not in _MONTHS_EN:
            return None
        day, month = int(m.group("d2") or m.group("d3")), _MONTHS_EN[name]
        year = int(m.group("y2") or m.group("y3"))
    hour_s, minute_s = m.group("h1") or m.group("h2"), m.group("m1") or m.group("m2")
    hour, minute = int(hour_s or 0), int(minute_s or 0)
    meridiem = (m.group("ap1") or m.group("ap2") or "").lower().replace(".", "")
    if meridiem in ("pm", "ch") and hour < 12:
        hour += 12
    elif meridiem in ("am", "sa") and hour == 12:
        hour = 0
    try:
        return dt.datetime(year, month, day, hour, minute), hour_s is not None
    except ValueError:
        return None


# ---------------------------------------------------------------- the site's chrome
# Words of buttons, bars and widgets: a short line made of them is not the article's.
_UI_START = re.compile(
    r"^(?:đăng\s+nhập|đăng\s+ký|đăng\s+xuất|tìm\s+kiếm|nhập\s+từ\s+khóa|cỡ\s+chữ|in\s+bài|in\s+trang|gửi\s+email|"
    r"gửi\s+bài|lưu\s+bài|gửi\s+bình\s+luận|viết\s+bình\s+luận|chia\s+sẻ|theo\s+dõi|quảng\s+cáo|trả\s+lời|thích|"
    r"quay\s+lại|lên\s+đầu\s+trang|về\s+đầu\s+trang|về\s+trang\s+chủ|xem\s+thêm\s+(?:video|ảnh|bình\s+luận)|"
    r"nghe\s+bài|đọc\s+bài|tải\s+về|bình\s+chọn|xem\s+kết\s+quả|hotline|đường\s+dây\s+nóng|lượt\s+xem|"
    r"đang\s+truy\s+cập|đang\s+online|trực\s+tuyến|hôm\s+nay|tổng\s+lượt|lượt\s+truy\s+cập|thống\s+kê\s+truy\s+cập|"
    r"độ\s+ẩm|nhiệt\s+độ|thời\s+tiết|mục\s+lục|bản\s+in|phóng\s+to|thu\s+nhỏ|"
    r"share|print|email|search|sign\s+in|sign\s+up|log\s*in|subscribe|accept|decline|cookie|we\s+use\s+cookies|"
    r"copy\s+link|follow\s+us|read\s+more|back\s+to\s+top|listen|"
    r"thời\s+gian\s+đọc|nghe\s+đọc|đọc\s+tin\s+nhanh|giọng\s+(?:nữ|nam)|mở\s+ứng\s+dụng|tải\s+ứng\s+dụng|"
    r"tệp\s+đính\s+kèm|xem\s+trước\s+tải\s+về|nội\s+dung\s+tài\s+trợ|sponsored|advertisement|cập\s+nhật\s+lần\s+cuối|bạn\s+thấy\s+bài\s+viết|đánh\s+giá\s+bài\s+viết|"
    r"mức\s+độ\s+hài\s+lòng|was\s+this\s+(?:article|page)\s+helpful|video\s+(?:đã\s+)?phát\s+sóng|"
    r"xem\s+tiếp(?=\s*[»›>])|xem\s+tất\s+cả|phiên\s+bản\s*:|leave\s+a\s+(?:reply|comment)|no\s+comments|category\s*:)\b"
    r"|^(?:video|clip|infographic|podcast|e-?magazine|audio|bộ\s+phận(?:\s+phụ\s+trách)?|chuyên\s+mục|"
    r"category|danh\s+mục)\s*:",
    re.IGNORECASE,
)
_UI_LINES = frozenset({"danh sách", "trở về", "trở lại", "về trang trước", "list", "back", "top"})
_UI_WORDS = frozenset(
    "facebook zalo twitter x linkedin kakaotalk youtube tiktok telegram email print in chia sẻ share "
    "a a- a+ aa aaa + - tweet pinterest whatsapp viber messenger".split()
)
_MENU_SEPARATORS = re.compile(r"\s[|/>»›•·]\s|\s{2,}")
_COUNTER = re.compile(r"^[\wÀ-ỹ ]{2,30}:\s*[\d.,]+\s*%?$")
_PLAYER = re.compile(r"^\W*\d{1,2}:\d{2}(?::\d{2})?\s*/\s*\d{1,2}:\d{2}(?::\d{2})?$")
_RELATIVE_TIME = re.compile(
    r"^(?:\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng)\s+trước|hôm\s+qua|hôm\s+kia|vừa\s+xong|"
    r"\d+\s+(?:seconds?|minutes?|hours?|days?|weeks?)\s+ago|yesterday|just\s+now)$",
    re.IGNORECASE,
)
_WEATHER = re.compile(r"\d+\s*°\s*[CF]\b")
_PAGE_FOOTER = re.compile(r"\|\s*\d{1,3}$|^\d{1,3}\s*\|")
_BREADCRUMB_START = re.compile(r"^(?:trang\s+chủ|home)\b", re.IGNORECASE)


def is_breadcrumb(line: str) -> bool:
    """ "Trang chủ > Tin tức > Đối ngoại", "News / Foreign Affairs", "Chính trị › Đối ngoại"."""
    parts = [p for p in re.split(r"\s*(?:[>»›/→]|::)\s*|\s+\|\s+", line) if p]
    return (
        2 <= len(parts) <= 6
        and len(line) <= 120
        and all(len(p.split()) <= 6 for p in parts)
        and (_BREADCRUMB_START.match(line) is not None or bool(re.search(r"\s(?:[>»›→]|::)\s", line)))
    )


_CALL_TO_ACTION = re.compile(
    r"[-–|]\s*(?:đăng\s+ký|xem|mua|đặt\s+mua|tìm\s+hiểu|liên\s+hệ|tải)\s+ngay\s*!?$|"
    r"\b(?:learn\s+more|shop\s+now|sign\s+up\s+now|book\s+now)\s*!?$",
    re.IGNORECASE,
)
_AI_NOTE = re.compile(r"\b(?:do\s+AI\s+tạo|AI\s+tạo\s+tự\s+động|generated\s+by\s+AI|AI-generated)\b", re.IGNORECASE)
_SYMBOLS = re.compile(r"^[^\w“\"'(]+", re.UNICODE)


def bare(line: str) -> str:
    """The line without the icons and arrows before its first word ("🔊 Nghe đọc bài")."""
    return _SYMBOLS.sub("", line)


def is_chrome(line: str) -> bool:
    """A line of the site, not of the article, wherever it stands: menus and bars (items
    between separators), buttons and their words, counters, a player's time, the weather, a
    printed page's footer."""
    line = bare(line)
    words = line.split()
    if not words:
        return True
    if TABLE_CELL in line:
        return False
    if _CALL_TO_ACTION.search(line) and len(words) <= 25:
        return True  # an advertisement's line: "… - Đăng ký ngay"
    if _AI_NOTE.search(line) and len(words) <= 30:
        return True  # "Tóm tắt do AI tạo tự động, có thể chưa chính xác…"
    if len(words) <= 14 and _UI_START.match(line):
        return True
    if all(w.lower().strip(":()") in _UI_WORDS for w in words) or line.lower() in _UI_LINES:
        return True
    if _COUNTER.match(line) and len(words) <= 6:
        return True
    if _PLAYER.search(line) or _RELATIVE_TIME.match(line) or (_WEATHER.search(line) and len(words) <= 5):
        return True
    if _PAGE_FOOTER.search(line) and len(words) <= 10 and not line.endswith("."):
        return True
    if is_breadcrumb(line) or (_BREADCRUMB_START.match(line) and len(words) <= 14 and not line.endswith(".")):
        return True
    items = [i for i in _MENU_SEPARATORS.split(line) if i.strip()]
    # "Đăng nhập | Liên hệ | English", "Home  About  Invest": three or more short items
    return len(items) >= 3 and all(len(i.split()) <= 4 for i in items) and not line.endswith(".")


def is_site_name(line: str) -> bool:
    """A line in capitals ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …", "BÁO ĐIỆN TỬ …"): a masthead or a
    section label, not a headline."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.85


# ---------------------------------------------------------------- what follows an article
_END_HEADINGS = re.compile(
    r"^(?:(?:các\s+)?(?:tin|bài|bài\s+viết|tin\s+bài|thông\s+cáo|video|ảnh)\s+(?:khác|liên\s+quan|đã\s+đưa|"
    r"cùng\s+(?:chuyên\s+mục|chủ\s+đề|loại|tác\s+giả)|mới(?:\s+nhất)?|nổi\s+bật|xem\s+nhiều|đọc\s+nhiều)|"
    r"đọc\s+nhiều(?:\s+nhất)?|xem\s+nhiều(?:\s+nhất)?|phiên\s+bản\s+di\s+động|bình\s+luận|ý\s+kiến\s+bạn\s+đọc|"
    r"gửi\s+bình\s+luận|xem\s+thêm(?:\s+\S+){0,3}|đọc\s+thêm|đọc\s+tiếp|xem\s+tiếp|recent\s+posts|archives|"
    r"tóm\s+tắt(?:\s+bài\s+viết|\s+nhanh|\s+nội\s+dung)?|điểm\s+chính|key\s+points|ai\s+summary|"
    r"related(?:\s+(?:news|articles|stories|posts))?|other\s+news|more\s+news|most\s+(?:read|viewed|popular)|"
    r"read\s+next|you\s+may\s+also\s+like|comments?|leave\s+a\s+(?:reply|comment))"
    r"\s*(?:\(\d+\))?\s*[:»›>]?\s*$",
    re.IGNORECASE,
)
_LABELLED_END = re.compile(
    r"^(?:(?:tags?|từ\s+kh(?:óa|oá|oa)|chủ\s+đề|keywords?|thông\s+tin\s+liên\s+hệ|liên\s+hệ|cơ\s+quan\s+chủ\s+quản)\s*:"
    r"|©|copyright\b|bản\s+quyền\b|giấy\s+phép\s+(?:số|hoạt\s+động)\b|(?:bài|tin)\s+(?:trước|sau)\b|"
    r"previous\s+(?:post|article)|next\s+(?:post|article))",
    re.IGNORECASE,
)


def is_end_marker(line: str) -> bool:
    """A heading that begins what follows an article: related links, tags, comments, the
    copyright footer ("Tin liên quan", "Từ khóa: …", "Bình luận (3)", "© …")."""
    line = bare(line)
    if _LABELLED_END.match(line):
        return len(line.split()) <= 40
    return _END_HEADINGS.match(line) is not None


# ---------------------------------------------------------------- bylines, sources, captions
_BYLINE_LABEL = re.compile(
    r"^(?:(?:(?:bài|tin)(?:\s+và\s+|\s*,\s*|\s*[-–/]\s*)ảnh|bài|tin|ảnh|phóng\s+sự\s+ảnh|tác\s+giả|thực\s+hiện|"
    r"nhóm\s+phóng\s+viên|pv|ptv|author|người\s+viết|người\s+đăng|writer)\s*:\s*|(?:by|written\s+by|story\s+and\s+photos?\s+by|words\s+by)\s+)"
    r"(?P<name>.+)$",
    re.IGNORECASE,
)
_NAME_NOTE = re.compile(r"\s*\((?:tổng\s+hợp|lược\s+dịch|biên\s+dịch|theo\s+[^()]+|[A-ZĐ/]{2,12})\)$", re.IGNORECASE)
_SOURCE = re.compile(r"^\(?(?:nguồn|source)\s*:\s*(?P<source>[^()]*?)\)?\.?$", re.IGNORECASE)
_THEO = re.compile(r"^(?:theo|according\s+to)\s+(?P<source>[^.;:]{3,80})$", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
_OFFICE = re.compile(r"^(?:phòng|ban|văn\s+phòng|trung\s+tâm|sở|vụ|cục|tổ|nhóm)\s+\S", re.IGNORECASE)
_CAPTION_END = re.compile(
    r"\((?:nguồn|ảnh|photo)\b[^()]*\)\s*\.?$|\((?:ảnh|photo)\s*:?[^()]+\)\s*\.?$|\b(?:ảnh|photo)\s*:\s*[^.:]{2,40}$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(r"^(?:ảnh|photo|hình)\s*\d{0,2}\s*:", re.IGNORECASE)
_AGENCY = re.compile(
    r"^(?:\((?P<code>[A-ZĐ][\w.&/+]{1,11})\)\s*(?:[-–—]\s*)?|(?P<site>[A-Z][\w-]{1,20}\.(?:vn|com|net|org))\s+[-–—]\s+)"
    r"(?=[A-ZĐÀ-Ỹ\d])"
)


def byline_name(line: str) -> str | None:
    """The name of a byline line: "Minh Hằng", "Đức Anh - Phương Thảo", "Bài, ảnh: Thu Trang"
    → "Thu Trang", "By Kim Ji-hoon" → "Kim Ji-hoon"; None for any other line."""
    line = re.split(r"\s+·\s+", bare(line).strip())[0]  # "Ngọc Mai · 2 giờ trước"
    line = _NAME_NOTE.sub("", line)  # "Thu Hằng (tổng hợp)"
    if (m := _BYLINE_LABEL.match(line)) is not None:
        name = _NAME_NOTE.sub("", m.group("name").strip())
        return name if is_name_line(name) else None
    return line if is_name_line(line) else None


def labelled_byline(line: str) -> bool:
    """A byline with its label ("Tác giả: …", "Bài, ảnh: …", "By …"): where it stands in the
    text, the article has ended."""
    return _BYLINE_LABEL.match(bare(line).strip()) is not None and byline_name(line) is not None


def is_name_line(line: str) -> bool:
    """A short line of capitalised names ("Nhất Nam", "Đức Anh - Phương Thảo", "Lê Hà và
    Thu Hà"), not in capitals."""
    if len(line) > 48 or line.endswith(FINAL_PUNCT) or is_site_name(line):
        return False  # (a line in capitals is a widget's or a section's header)
    words = [w for w in re.split(r"\s+|,", line) if w and w not in ("-", "–", "và", "and", "&")]
    return 1 <= len(words) <= 6 and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)


def is_byline(line: str) -> bool:
    """A byline line (see :func:`byline_name`)."""
    return byline_name(line) is not None


def office_byline(line: str) -> bool:
    """An office signing the article ("Phòng Hợp tác quốc tế", "Ban Biên tập")."""
    return _OFFICE.match(line) is not None and len(line.split()) <= 8 and not line.endswith(FINAL_PUNCT)


def source_line(line: str) -> str | None:
    """The source named by a "Nguồn: …" or a short "Theo …" line; None for any other line."""
    if (m := _SOURCE.match(line)) is not None:
        return m.group("source").strip()
    if (m := _THEO.match(line)) is not None and len(line.split()) <= 12 and not line.endswith(FINAL_PUNCT):
        return m.group("source").strip()
    return None


_CAPTION_POINTER = re.compile(r"^[▲△↑⬆☝]\s*")


def is_marked_caption(line: str) -> bool:
    """A picture's caption by its marks: "(Ảnh: …)", "ẢNH: HOÀNG ANH", "(Nguồn: …)" at the end
    of a short text, "Ảnh: …" at its start, or "▲" pointing up at the picture."""
    return len(line.split()) <= 60 and (
        _CAPTION_END.search(line) is not None
        or _CAPTION_START.match(line) is not None
        or _CAPTION_POINTER.match(line) is not None
    )


def caption_text(line: str) -> str:
    """A caption's text without the arrow pointing at its picture."""
    return _CAPTION_POINTER.sub("", line)


def agency_code(text: str) -> str:
    """The agency code a news text opens with: "(TNO) - …" → "TNO", "(TTXVN) Chiều …" → "TTXVN"
    ("" when there is none)."""
    m = _AGENCY.match(text)
    return (m.group("code") or m.group("site")) if m else ""


def is_sentence(line: str) -> bool:
    """Running text: words ending with a full stop (or a question, an exclamation)."""
    return len(line.split()) >= 6 and line.rstrip('”"’)').endswith((".", "!", "?", "…", ":"))


def title_needed() -> Finding:
    """The finding for an article whose headline was not found: the title is left empty."""
    return Finding(
        "title-needed",
        "Chưa có tiêu đề: không tìm thấy dòng tiêu đề trong tệp — hãy đặt tiêu đề cho tin bài.",
    )


def title_too_long(title: str) -> Finding:
    """The finding for a headline longer than a bulletin prints: kept as the page has it."""
    return Finding(
        "title-too-long",
        f"Tiêu đề dài {len(title)} ký tự (bản tin in tối đa {MAX_TITLE}): hãy rút gọn.",
        found=title,
    )
