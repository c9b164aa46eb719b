<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArticleEditor</name>
    <message>
        <source>Đang mở tin bài…</source>
        <translation>Opening article…</translation>
    </message>
    <message>
        <source>Tiêu đề tin bài</source>
        <translation>Article title</translation>
    </message>
    <message>
        <source>Tiêu đề (tiêu đề cấp 1 của tin bài)</source>
        <translation>Title (the article’s level-1 heading)</translation>
    </message>
    <message>
        <source>Sa-pô: đoạn dẫn in đậm dưới tiêu đề</source>
        <translation>Standfirst: the bold lead paragraph below the title</translation>
    </message>
    <message>
        <source>Đoạn văn</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Tiêu đề 2</source>
        <translation>Heading 2</translation>
    </message>
    <message>
        <source>Tiêu đề 3</source>
        <translation>Heading 3</translation>
    </message>
    <message>
        <source>Trích dẫn</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Danh sách chấm</source>
        <translation>Bulleted list</translation>
    </message>
    <message>
        <source>Danh sách số</source>
        <translation>Numbered list</translation>
    </message>
    <message>
        <source>Kiểu đoạn (tiêu đề cấp 1 là tiêu đề của tin bài; trong bài dùng tiêu đề 2 và 3)</source>
        <translation>Paragraph style (level 1 is the article title; within the article use Heading 2 and 3)</translation>
    </message>
    <message>
        <source>Thông tin</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Soát lỗi</source>
        <translation>Proofing</translation>
    </message>
    <message>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Lưu tin bài (Ctrl+S)</source>
        <translation>Save the article (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Hoàn tác</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Hoàn tác (Ctrl+Z)</source>
        <translation>Undo (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Làm lại</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Làm lại (Ctrl+Y)</source>
        <translation>Redo (Ctrl+Y)</translation>
    </message>
    <message>
        <source>Đậ&amp;m</source>
        <translation>&amp;Bold</translation>
    </message>
    <message>
        <source>Chữ đậm (Ctrl+B)</source>
        <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
        <source>&amp;Nghiêng</source>
        <translation>&amp;Italic</translation>
    </message>
    <message>
        <source>Chữ nghiêng (Ctrl+I)</source>
        <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
        <source>Chèn ả&amp;nh từ tệp…</source>
        <translation>Insert &amp;image from file…</translation>
    </message>
    <message>
        <source>Chèn ảnh từ &amp;bộ nhớ tạm</source>
        <translation>Insert image from &amp;clipboard</translation>
    </message>
    <message>
        <source>Chèn &amp;bảng…</source>
        <translation>Insert &amp;table…</translation>
    </message>
    <message>
        <source>&amp;Lịch sử phiên bản…</source>
        <translation>&amp;Version history…</translation>
    </message>
    <message>
        <source>Các phiên bản đã lưu, so sánh và khôi phục</source>
        <translation>Saved versions: compare and restore</translation>
    </message>
    <message>
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>&amp;Soát lỗi</source>
        <translation>&amp;Proofing</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Định &amp;dạng</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>&amp;Chèn</source>
        <translation>&amp;Insert</translation>
    </message>
    <message>
        <source>Biên tập</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>Đ</source>
        <translation>B</translation>
    </message>
    <message>
        <source>N</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Ảnh</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Bảng</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Lịch sử</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Tin bài mới[*] — Biên tập</source>
        <translation>New article[*] — Editor</translation>
    </message>
    <message>
        <source>Chưa có tiêu đề (tệp nhập không có dòng tiêu đề) — hãy đặt tiêu đề trước khi duyệt</source>
        <translation>No title yet (the imported file had no headline) — give it a title before approval</translation>
    </message>
    <message>
        <source>{n} từ</source>
        <translation>{n} words</translation>
    </message>
    <message>
        <source>Tin bài mới</source>
        <translation>New article</translation>
    </message>
    <message>
        <source>{title}[*] — Biên tập tin bài</source>
        <translation>{title}[*] — Article editor</translation>
    </message>
    <message>
        <source>Soát lỗi ({n})</source>
        <translation>Proofing ({n})</translation>
    </message>
    <message>
        <source>Đã sửa {n} chỗ — Ctrl+Z để hoàn tác.</source>
        <translation>Fixes applied: {n} — press Ctrl+Z to undo.</translation>
    </message>
    <message>
        <source>Chọn ảnh</source>
        <translation>Choose image</translation>
    </message>
    <message>
        <source>Ảnh (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp *.bmp);;Mọi tệp (*)</source>
        <translation>Images (*.jpg *.jpeg *.png *.tif *.tiff *.gif *.webp *.bmp);;All files (*)</translation>
    </message>
    <message>
        <source>Đang thêm ảnh {name}…</source>
        <translation>Adding image {name}…</translation>
    </message>
    <message>
        <source>Đã chèn ảnh.</source>
        <translation>Image inserted.</translation>
    </message>
    <message>
        <source>Chèn ảnh</source>
        <translation>Insert image</translation>
    </message>
    <message>
        <source>Bộ nhớ tạm không có ảnh nào.</source>
        <translation>The clipboard contains no image.</translation>
    </message>
    <message>
        <source>Lịch sử phiên bản</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>Tin bài mới chưa có phiên bản nào: hãy lưu trước.</source>
        <translation>A new article has no versions yet: save it first.</translation>
    </message>
    <message>
        <source>Đã khôi phục phiên bản cũ (bản trước đó vẫn còn trong lịch sử).</source>
        <translation>Earlier version restored (the previous text is still in the history).</translation>
    </message>
</context>
<context>
    <name>ArticlePicker</name>
    <message>
        <source>Chọn bản dịch</source>
        <translation>Choose the translation</translation>
    </message>
    <message>
        <source>Tìm theo tiêu đề hoặc nội dung (không dấu cũng được)</source>
        <translation>Search titles or text (accents optional)</translation>
    </message>
    <message>
        <source>Tin bài {language}:</source>
        <translation>Articles in {language}:</translation>
    </message>
    <message>
        <source>Chọn</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source> — đã nối với số {id}</source>
        <translation> — linked with no. {id}</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Mã</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Chuyên mục</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Ngày đăng</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Số từ</source>
        <translation>Words</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Cần soát</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Bản dịch</source>
        <translation>Translation</translation>
    </message>
    <message>
        <source>Số điểm cần biên tập viên soát lại (lỗi chính tả, mã cũ, trùng lặp…)</source>
        <translation>Number of items the editor should review (spelling errors, legacy encodings, duplicates…)</translation>
    </message>
    <message>
        <source>(chưa có tiêu đề — cần đặt)</source>
        <translation>(untitled — needs a title)</translation>
    </message>
    <message>
        <source>bản gốc số {id}</source>
        <translation>original no. {id}</translation>
    </message>
</context>
<context>
    <name>BodyDocument</name>
    <message>
        <source>Ảnh chưa có trong thư viện</source>
        <translation>Picture not in the library</translation>
    </message>
    <message>
        <source>Chưa gắn ảnh — nhấp đúp để chọn ảnh</source>
        <translation>No picture yet — double-click to choose one</translation>
    </message>
</context>
<context>
    <name>BodyEdit</name>
    <message>
        <source>Sửa chú thích và nguồn ảnh…</source>
        <translation>Edit caption and image credit…</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Chuyên mục là các mục của bản tin, theo thứ tự in. Mỗi tin bài thuộc một chuyên mục; nhấp đúp để xem các tin bài của chuyên mục đó.</source>
        <translation>Columns are the sections of the bulletin, in print order. Each article belongs to one column; double-click a column to see its articles.</translation>
    </message>
    <message>
        <source>Thêm chuyên mục…</source>
        <translation>Add column…</translation>
    </message>
    <message>
        <source>Đổi tên…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Đổi tên chuyên mục đang chọn (F2)</source>
        <translation>Rename the selected column (F2)</translation>
    </message>
    <message>
        <source>Đổi tên</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Tên tiếng Anh…</source>
        <translation>English name…</translation>
    </message>
    <message>
        <source>Tên chuyên mục in trong phần tiếng Anh của ấn bản song ngữ</source>
        <translation>The column&apos;s name as printed in the English part of a bilingual edition</translation>
    </message>
    <message>
        <source>chưa có tên tiếng Anh</source>
        <translation>no English name yet</translation>
    </message>
    <message>
        <source>{name}  ({n} tin bài) — {english}</source>
        <translation>{name}  ({n} articles) — {english}</translation>
    </message>
    <message>
        <source>Tên tiếng Anh</source>
        <translation>English name</translation>
    </message>
    <message>
        <source>Tên tiếng Anh của “{name}”:</source>
        <translation>English name of “{name}”:</translation>
    </message>
    <message>
        <source>Thêm chuyên mục</source>
        <translation>Add column</translation>
    </message>
    <message>
        <source>Tên chuyên mục mới:</source>
        <translation>New column name:</translation>
    </message>
    <message>
        <source>Đổi tên chuyên mục</source>
        <translation>Rename column</translation>
    </message>
    <message>
        <source>Tên mới của “{name}”:</source>
        <translation>New name for “{name}”:</translation>
    </message>
</context>
<context>
    <name>ConnectionCheck</name>
    <message>
        <source>Mật khẩu máy chủ (lưu trong kho mật khẩu của hệ điều hành)</source>
        <translation>Server password (kept in the operating system&apos;s credential store)</translation>
    </message>
    <message>
        <source>Kiểm tra kết nối</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Đang kết nối…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>EditorDialogs</name>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>EditorPrompts</name>
    <message>
        <source>Khôi phục bản nháp</source>
        <translation>Recover draft</translation>
    </message>
    <message>
        <source>Có một tin bài mới chưa được lưu (“{title}”, lưu tạm lúc {when}), có lẽ do ứng dụng bị đóng đột ngột.

Khôi phục để tiếp tục sửa?</source>
        <translation>There is an unsaved new article (“{title}”, autosaved at {when}), probably because the application closed unexpectedly.

Recover it and continue editing?</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Recover</translation>
    </message>
    <message>
        <source>Bỏ bản nháp</source>
        <translation>Discard draft</translation>
    </message>
    <message>
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Tin bài này có những thay đổi chưa lưu (lưu tạm lúc {when}), có lẽ do ứng dụng bị đóng đột ngột.

Khôi phục những thay đổi đó?</source>
        <translation>This article has unsaved changes (autosaved at {when}), probably because the application closed unexpectedly.

Recover those changes?</translation>
    </message>
    <message>
        <source>Lưu ý: từ đó tin bài đã được lưu ở nơi khác (phiên bản {version}); khi lưu, bạn sẽ được hỏi có lưu đè hay không.</source>
        <translation>Note: the article has since been saved elsewhere (version {version}); when you save, you will be asked whether to overwrite it.</translation>
    </message>
    <message>
        <source>Khôi phục thay đổi chưa lưu</source>
        <translation>Recover unsaved changes</translation>
    </message>
    <message>
        <source>Bỏ thay đổi đó</source>
        <translation>Discard those changes</translation>
    </message>
    <message>
        <source>Tin bài đã được lưu ở nơi khác</source>
        <translation>Article saved elsewhere</translation>
    </message>
    <message>
        <source>Trong lúc bạn sửa, tin bài này đã được lưu ở nơi khác (trên máy khác hoặc trong một cửa sổ khác). Nội dung bạn đang sửa vẫn còn nguyên.

• Lưu đè: lưu bản của bạn; bản kia vẫn nằm trong Lịch sử phiên bản và khôi phục được.
• Tải lại: mở bản mới nhất; bản của bạn được lưu thành một tin bài nháp riêng để không mất chữ nào.
• Hủy: chưa lưu, tiếp tục sửa.</source>
        <translation>While you were editing, this article was saved elsewhere (on another computer or in another window). Your edits are still intact.

• Overwrite: save your version; the other version stays in Version history and can be restored.
• Reload: open the latest version; your version is saved as a separate draft article, so no text is lost.
• Cancel: don’t save yet; keep editing.</translation>
    </message>
    <message>
        <source>Lưu đè</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <source>Tải lại</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đóng tin bài</source>
        <translation>Close article</translation>
    </message>
    <message>
        <source>Tin bài “{title}” có thay đổi chưa lưu. Lưu trước khi đóng?</source>
        <translation>The article “{title}” has unsaved changes. Save before closing?</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Không lưu</source>
        <translation>Don’t save</translation>
    </message>
</context>
<context>
    <name>EditorSaving</name>
    <message>
        <source>(chưa có tiêu đề)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Đã khôi phục bản lưu tạm — hãy lưu (Ctrl+S).</source>
        <translation>Autosaved copy recovered — remember to save (Ctrl+S).</translation>
    </message>
    <message>
        <source>Đã lưu tạm lúc {time}.</source>
        <translation>Autosaved at {time}.</translation>
    </message>
    <message>
        <source>Không có gì thay đổi.</source>
        <translation>Nothing has changed.</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Đã lưu lúc {time}.</source>
        <translation>Saved at {time}.</translation>
    </message>
    <message>
        <source>Chưa lưu được.</source>
        <translation>Could not save.</translation>
    </message>
    <message>
        <source>{title} (bản của {author}, {time})</source>
        <translation>{title} ({author}’s version, {time})</translation>
    </message>
    <message>
        <source>Tin bài</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Đã tải bản mới nhất; bản của bạn được lưu thành tin bài nháp số {id}.</source>
        <translation>Loaded the latest version; your version was saved as draft article {id}.</translation>
    </message>
    <message>
        <source>Tin bài mới</source>
        <translation>New article</translation>
    </message>
</context>
<context>
    <name>EditorTeam</name>
    <message>
        <source>Tin bài này đang được {names} mở để sửa (từ {time}).</source>
        <translation>{names} has this article open for editing (since {time}).</translation>
    </message>
    <message>
        <source>{names} vừa lưu tin bài này. Khi bạn lưu, chương trình sẽ hỏi cách giữ cả hai bản — không mất gì.</source>
        <translation>{names} has just saved this article. When you save, you will be asked how to keep both versions — nothing is lost.</translation>
    </message>
</context>
<context>
    <name>EditorTranslation</name>
    <message>
        <source>Hãy lưu tin bài trước (Ctrl+S): bản dịch được nối với tin bài đã lưu.</source>
        <translation>Save the article first (Ctrl+S): a translation is linked with a saved article.</translation>
    </message>
    <message>
        <source>Xem song song</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <source>Tạo bản tiếng Anh</source>
        <translation>Create the English version</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Xuất số bản tin</source>
        <translation>Export issue</translation>
    </message>
    <message>
        <source>Tệp xuất</source>
        <translation>Output files</translation>
    </message>
    <message>
        <source>PDF để in</source>
        <translation>Print PDF</translation>
    </message>
    <message>
        <source>Tệp PDF sẵn sàng gửi nhà in: phông nhúng, hộp xén, tràn lề</source>
        <translation>A PDF ready for the printer: embedded fonts, trim box, bleed</translation>
    </message>
    <message>
        <source>DOCX</source>
        <translation>DOCX</translation>
    </message>
    <message>
        <source>Tệp Word để nhà in hoặc người duyệt chỉnh sửa</source>
        <translation>A Word file the printer or reviewers can edit</translation>
    </message>
    <message>
        <source>(không dùng — kiểu chữ của giao diện)</source>
        <translation>(none — use the theme’s styles)</translation>
    </message>
    <message>
        <source>Tệp DOCX có sẵn các kiểu (Heading, Normal…) để DOCX xuất ra dùng theo</source>
        <translation>A DOCX file whose styles (Heading, Normal…) the exported DOCX will follow</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>DOCX mẫu:</source>
        <translation>DOCX template:</translation>
    </message>
    <message>
        <source>Dàn trang</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>19 × 27 cm (khổ bản tin)</source>
        <translation>19 × 27 cm (bulletin size)</translation>
    </message>
    <message>
        <source>A4 (21 × 29,7 cm)</source>
        <translation>A4 (21 × 29.7 cm)</translation>
    </message>
    <message>
        <source>A5 (14,8 × 21 cm)</source>
        <translation>A5 (14.8 × 21 cm)</translation>
    </message>
    <message>
        <source>Khổ tùy chỉnh</source>
        <translation>Custom size</translation>
    </message>
    <message>
        <source>Mặc định</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Lề, phông, cỡ chữ, màu và số cột (tệp .toml trong thư mục themes)</source>
        <translation>Margins, fonts, font sizes, colors and number of text columns (.toml files in the themes folder)</translation>
    </message>
    <message>
        <source>Theo số bản tin</source>
        <translation>As set for the issue</translation>
    </message>
    <message>
        <source>Tiếng Việt</source>
        <translation>Vietnamese</translation>
    </message>
    <message>
        <source>Tiếng Anh</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Song ngữ Việt – Anh</source>
        <translation>Bilingual Vietnamese – English</translation>
    </message>
    <message>
        <source>Ấn bản xuất lần này (mặc định: ấn bản đặt cho số bản tin)</source>
        <translation>The edition to export this time (default: the issue&apos;s own edition)</translation>
    </message>
    <message>
        <source>In ấn — PDF/X-4, màu CMYK (gửi nhà in)</source>
        <translation>Print — PDF/X-4, CMYK colour (for the print shop)</translation>
    </message>
    <message>
        <source>Màn hình — màu RGB, có liên kết (gửi thư, đăng web)</source>
        <translation>Screen — RGB colour with links (e-mail, web)</translation>
    </message>
    <message>
        <source>In ấn: chữ đen chỉ dùng mực đen, ảnh chuyển sang CMYK theo hồ sơ màu FOGRA39, kèm hồ sơ màu đầu ra như InDesign hay Scribus; bản màn hình giữ màu RGB và các liên kết.</source>
        <translation>Print: black text in black ink only, photos converted to CMYK through the FOGRA39 profile, the output profile embedded as InDesign or Scribus do; the screen version keeps RGB colour and the links.</translation>
    </message>
    <message>
        <source>Đóng ghim giữa (thêm trang cho đủ bội số của 4: bìa sau, ghi chú, ảnh)</source>
        <translation>Saddle-stitched (pages added to make a multiple of 4: back cover, notes, photos)</translation>
    </message>
    <message>
        <source>Không</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Tràn lề: nhà in thường cần 3 mm khi ảnh chạm mép trang</source>
        <translation>Bleed: printers usually need 3 mm when images touch the page edge</translation>
    </message>
    <message>
        <source>Dấu cắt xén</source>
        <translation>Crop marks</translation>
    </message>
    <message>
        <source>Vạch cắt ở bốn góc, ngoài vùng tràn lề</source>
        <translation>Trim marks at the four corners, outside the bleed area</translation>
    </message>
    <message>
        <source>Ấn bản:</source>
        <translation>Edition:</translation>
    </message>
    <message>
        <source>Dùng cho:</source>
        <translation>Made for:</translation>
    </message>
    <message>
        <source>Khổ giấy:</source>
        <translation>Page size:</translation>
    </message>
    <message>
        <source>Giao diện:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Phông chữ:</source>
        <translation>Fonts:</translation>
    </message>
    <message>
        <source>Tràn lề:</source>
        <translation>Bleed:</translation>
    </message>
    <message>
        <source>Kiểm tra trước khi xuất</source>
        <translation>Preflight</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Kiểm tra lại</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>Chạy lại kiểm tra (sau khi đã sửa tin bài hoặc thông tin xuất bản)</source>
        <translation>Run the checks again (after fixing articles or publication details)</translation>
    </message>
    <message>
        <source>Nhấp vào một mục để đến tin bài hoặc thông tin cần sửa</source>
        <translation>Click an item to go to the article or details that need fixing</translation>
    </message>
    <message>
        <source>Vẫn xuất dù còn lỗi (chỉ để xem thử, không gửi nhà in)</source>
        <translation>Export anyway despite errors (for proofing only, not for the printer)</translation>
    </message>
    <message>
        <source>Mở tệp</source>
        <translation>Open file</translation>
    </message>
    <message>
        <source>Mở thư mục</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Xuất</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Xuất các tệp đã chọn (Ctrl+E)</source>
        <translation>Export the selected files (Ctrl+E)</translation>
    </message>
    <message>
        <source>Hủy xuất</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>Dừng việc xuất; không tệp nào được ghi (Esc)</source>
        <translation>Stop exporting; no files will be written (Esc)</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Nội dung: {body} · Tiêu đề: {heading} (đổi trong Tùy chọn)</source>
        <translation>Body: {body} · Headings: {heading} (change in Preferences)</translation>
    </message>
    <message>
        <source>theo giao diện</source>
        <translation>from theme</translation>
    </message>
    <message>
        <source>Theo giao diện (đổi trong Tùy chọn)</source>
        <translation>From the theme (change in Preferences)</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Tài liệu Word (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Lưu tệp xuất</source>
        <translation>Save exported file</translation>
    </message>
    <message>
        <source>Chọn DOCX mẫu</source>
        <translation>Choose DOCX template</translation>
    </message>
    <message>
        <source>Xuất số bản tin {number}</source>
        <translation>Export issue {number}</translation>
    </message>
    <message>
        <source>Không mở được số bản tin.</source>
        <translation>Could not open the issue.</translation>
    </message>
    <message>
        <source>{errors} lỗi, {warnings} cảnh báo. Sửa lỗi trước khi gửi nhà in.</source>
        <translation>{errors} error(s), {warnings} warning(s). Fix the errors before sending to the printer.</translation>
    </message>
    <message>
        <source>Không có lỗi, {warnings} cảnh báo — có thể xuất.</source>
        <translation>No errors, {warnings} warning(s) — OK to export.</translation>
    </message>
    <message>
        <source>Không có lỗi hay cảnh báo — sẵn sàng xuất.</source>
        <translation>No errors or warnings — ready to export.</translation>
    </message>
    <message>
        <source>Chọn ít nhất một tệp PDF hoặc DOCX để xuất.</source>
        <translation>Select at least one PDF or DOCX file to export.</translation>
    </message>
    <message>
        <source>Thư mục {folder} không tồn tại.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Tệp PDF và tệp DOCX phải khác nhau.</source>
        <translation>The PDF and DOCX files must be different.</translation>
    </message>
    <message>
        <source>Đã có tệp:
{names}

Ghi đè?</source>
        <translation>These files already exist:
{names}

Overwrite them?</translation>
    </message>
    <message>
        <source>Đang xuất…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Đang hủy…</source>
        <translation>Canceling…</translation>
    </message>
    <message>
        <source>Chưa xuất: còn {errors} lỗi (xem danh sách ở trên). Sửa các lỗi, hoặc chọn “Vẫn xuất dù còn lỗi” để xuất bản xem thử.</source>
        <translation>Not exported: {errors} error(s) remain (see the list above). Fix the errors, or select “Export anyway despite errors” to export a proof copy.</translation>
    </message>
    <message>
        <source>PDF {pages} trang ({seconds:.1f} giây)</source>
        <translation>PDF, {pages} pages ({seconds:.1f} s)</translation>
    </message>
    <message>
        <source>Đã xuất {what} vào {folder}.</source>
        <translation>Exported {what} to {folder}.</translation>
    </message>
    <message>
        <source>bìa sau</source>
        <translation>back cover</translation>
    </message>
    <message>
        <source>trang ghi chú</source>
        <translation>notes page</translation>
    </message>
    <message>
        <source>trang ảnh</source>
        <translation>photo page</translation>
    </message>
    <message>
        <source>trang trắng</source>
        <translation>blank page</translation>
    </message>
    <message>
        <source>trang {page}: {kind}</source>
        <translation>page {page}: {kind}</translation>
    </message>
    <message>
        <source>thêm cho đủ bội số của 4: {which}</source>
        <translation>added to make a multiple of 4: {which}</translation>
    </message>
    <message>
        <source>Đã hủy xuất — không có tệp nào được ghi.</source>
        <translation>Export canceled — no files were written.</translation>
    </message>
    <message>
        <source>Không xuất được.</source>
        <translation>Export failed.</translation>
    </message>
    <message>
        <source>Mở {name}</source>
        <translation>Open {name}</translation>
    </message>
    <message>
        <source>Không mở được {path}.</source>
        <translation>Could not open {path}.</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <source>Chèn ảnh</source>
        <translation>Insert image</translation>
    </message>
    <message>
        <source>Chú thích ảnh</source>
        <translation>Image caption</translation>
    </message>
    <message>
        <source>Ví dụ: Lãnh đạo tỉnh tiếp đoàn KOICA</source>
        <translation>e.g. Lãnh đạo tỉnh tiếp đoàn KOICA</translation>
    </message>
    <message>
        <source>Ví dụ: Ảnh: TNGOV</source>
        <translation>e.g. Ảnh: TNGOV</translation>
    </message>
    <message>
        <source>Chú thích:</source>
        <translation>Caption:</translation>
    </message>
    <message>
        <source>Nguồn ảnh:</source>
        <translation>Image credit:</translation>
    </message>
    <message>
        <source>Chèn</source>
        <translation>Insert</translation>
    </message>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Lỗi — phải sửa trước khi in</source>
        <translation>Error — must be fixed before printing</translation>
    </message>
    <message>
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Nhấp để đến chỗ cần sửa.</source>
        <translation>Click to go to the item that needs fixing.</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Sửa tất cả lỗi sửa được</source>
        <translation>Apply all available fixes</translation>
    </message>
    <message>
        <source>Áp dụng mọi cách sửa được đề xuất (hoàn tác được bằng Ctrl+Z)</source>
        <translation>Apply every suggested fix (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>Không thấy lỗi nào.</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <source>Sửa</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>Sửa ngay trong bài (hoàn tác được bằng Ctrl+Z)</source>
        <translation>Fix it in the article (Ctrl+Z to undo)</translation>
    </message>
    <message>
        <source>Tìm</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Tìm chỗ này trong bài</source>
        <translation>Find this in the article</translation>
    </message>
</context>
<context>
    <name>FontCombo</name>
    <message>
        <source>(theo giao diện)</source>
        <translation>(from theme)</translation>
    </message>
    <message>
        <source>{family} (không có trên máy)</source>
        <translation>{family} (not installed)</translation>
    </message>
    <message>
        <source>Đủ chữ tiếng Việt</source>
        <translation>Full Vietnamese coverage</translation>
    </message>
    <message>
        <source>Thiếu {n} chữ tiếng Việt</source>
        <translation>{n} Vietnamese character(s) missing</translation>
    </message>
    <message>
        <source>thực tế dùng phông {actual}</source>
        <translation>actually rendered with {actual}</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Nhập tin bài</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <source>Đang chuẩn bị…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>Tệp</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Tin bài</source>
        <translation>Article</translation>
    </message>
    <message>
        <source>Cần soát</source>
        <translation>To review</translation>
    </message>
    <message>
        <source>Nhấp đúp vào một dòng để mở tin bài.</source>
        <translation>Double-click a row to open the article.</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dừng nhập; các tệp đã nhập vẫn được giữ</source>
        <translation>Stop importing; files already imported are kept</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đang dừng sau tệp hiện tại…</source>
        <translation>Stopping after the current file…</translation>
    </message>
    <message>
        <source>Đang nhập {done}/{total}: {name}</source>
        <translation>Importing {done}/{total}: {name}</translation>
    </message>
    <message>
        <source>Đã nhập {n} tin bài</source>
        <translation>Imported {n} article(s)</translation>
    </message>
    <message>
        <source>{n} tệp đã có trong thư viện</source>
        <translation>{n} file(s) already in the library</translation>
    </message>
    <message>
        <source>{n} tệp không nhập được</source>
        <translation>{n} file(s) could not be imported</translation>
    </message>
    <message>
        <source>Đã dừng theo yêu cầu. </source>
        <translation>Stopped on request. </translation>
    </message>
    <message>
        <source>Lỗi: {error}</source>
        <translation>Error: {error}</translation>
    </message>
    <message>
        <source>Trùng với tin bài số {id}</source>
        <translation>Duplicate of article {id}</translation>
    </message>
    <message>
        <source>Đã có trong thư viện, bỏ qua</source>
        <translation>Already in the library; skipped</translation>
    </message>
    <message>
        <source>Đã nhập — gần trùng tin bài số {id}</source>
        <translation>Imported — near duplicate of article {id}</translation>
    </message>
    <message>
        <source>Đã nhập</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>IssueComposer</name>
    <message>
        <source>Số bản tin đang soạn</source>
        <translation>Current issue</translation>
    </message>
    <message>
        <source>Số bản tin</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>Chuyên mục và tin bài của số</source>
        <translation>The issue’s columns and articles</translation>
    </message>
    <message>
        <source>Nhấp vào một dòng để đến tin bài hoặc mục cần sửa</source>
        <translation>Click a row to go to the article or item that needs fixing</translation>
    </message>
    <message>
        <source>Kết quả kiểm tra trước khi in</source>
        <translation>Preflight results</translation>
    </message>
    <message>
        <source>Số &amp;mới…</source>
        <translation>&amp;New issue…</translation>
    </message>
    <message>
        <source>Tạo một số bản tin mới</source>
        <translation>Create a new issue</translation>
    </message>
    <message>
        <source>&amp;Thông tin số…</source>
        <translation>Issue &amp;details…</translation>
    </message>
    <message>
        <source>Số, ngày, kỳ, tên số, ảnh bìa, dòng lưu hành, thư ngỏ (Alt+Enter)</source>
        <translation>Number, date, period, title, cover image, circulation line, editorial letter (Alt+Enter)</translation>
    </message>
    <message>
        <source>Thư &amp;ngỏ</source>
        <translation>Editorial &amp;letter</translation>
    </message>
    <message>
        <source>Viết thư ngỏ của số (hoặc mở thư ngỏ đã có)</source>
        <translation>Write the issue’s editorial letter (or open the existing one)</translation>
    </message>
    <message>
        <source>Thêm &amp;chuyên mục</source>
        <translation>Add &amp;column</translation>
    </message>
    <message>
        <source>Thêm một chuyên mục của thư viện vào số (theo thứ tự của bản tin)</source>
        <translation>Add a library column to the issue (in bulletin order)</translation>
    </message>
    <message>
        <source>&amp;Bỏ khỏi số</source>
        <translation>&amp;Remove from issue</translation>
    </message>
    <message>
        <source>Bỏ các tin bài đã chọn khỏi số (tin bài vẫn còn trong thư viện) (Delete)</source>
        <translation>Remove the selected articles from the issue (they stay in the library) (Delete)</translation>
    </message>
    <message>
        <source>Lên</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Chuyển tin bài lên trên (Alt+↑)</source>
        <translation>Move the article up (Alt+↑)</translation>
    </message>
    <message>
        <source>Xuống</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Chuyển tin bài xuống dưới (Alt+↓)</source>
        <translation>Move the article down (Alt+↓)</translation>
    </message>
    <message>
        <source>&amp;Mở tin bài</source>
        <translation>&amp;Open article</translation>
    </message>
    <message>
        <source>Mở tin bài trong trình soạn (Enter)</source>
        <translation>Open the article in the editor (Enter)</translation>
    </message>
    <message>
        <source>Làm mới bản xem trước</source>
        <translation>Refresh preview</translation>
    </message>
    <message>
        <source>Dàn trang lại ngay (F5)</source>
        <translation>Lay out again now (F5)</translation>
    </message>
    <message>
        <source>Số {n}</source>
        <translation>Issue {n}</translation>
    </message>
    <message>
        <source>Chưa có số bản tin nào</source>
        <translation>No issues yet</translation>
    </message>
    <message>
        <source>Kéo tin bài từ thư viện vào một chuyên mục; kéo trong cây để sắp xếp.</source>
        <translation>Drag articles from the library into a column; drag within the tree to reorder.</translation>
    </message>
    <message>
        <source>Số này chưa có tin bài. Kéo tin bài từ thư viện vào đây (mỗi bài vào chuyên mục của nó) hoặc dùng “Thêm chuyên mục”.</source>
        <translation>This issue has no articles yet. Drag articles from the library here (each into its own column) or use “Add column”.</translation>
    </message>
    <message>
        <source>Chưa có số bản tin nào. Bấm “Số mới…” để tạo số đầu tiên.</source>
        <translation>No issues yet. Click “New issue…” to create the first one.</translation>
    </message>
    <message>
        <source>Tạo hoặc chọn một số bản tin để soạn.</source>
        <translation>Create or select an issue to compose.</translation>
    </message>
    <message>
        <source>Kiểm tra trước khi in</source>
        <translation>Preflight</translation>
    </message>
    <message>
        <source>Bỏ chuyên mục</source>
        <translation>Remove column</translation>
    </message>
    <message>
        <source>Bỏ {sections} cùng {n} tin bài khỏi số này? Các tin bài vẫn còn trong thư viện.</source>
        <translation>Remove {sections} along with {n} article(s) from this issue? The articles stay in the library.</translation>
    </message>
    <message>
        <source>(Thư viện chưa có chuyên mục)</source>
        <translation>(The library has no columns yet)</translation>
    </message>
    <message>
        <source>Chuyển sang chuyên mục</source>
        <translation>Move to column</translation>
    </message>
    <message>
        <source>Bỏ chuyên mục khỏi số</source>
        <translation>Remove column from issue</translation>
    </message>
    <message>
        <source>Bỏ {n} chú thích không có ảnh</source>
        <translation>Drop {n} captions without pictures</translation>
    </message>
    <message>
        <source>Các chú thích này còn lại từ trang web đã chép nhưng ảnh không đi kèm; in ra sẽ là những dòng chữ nghiêng lơ lửng. Muốn giữ, hãy gắn ảnh trong trình soạn tin bài.</source>
        <translation>These captions were left from a copied web page whose photos did not come along; printed, they would be italic lines floating in the text. To keep one, attach its photo in the article editor.</translation>
    </message>
    <message>
        <source>Kiểm tra trước khi in: không có vấn đề nào</source>
        <translation>Preflight: no problems</translation>
    </message>
    <message>
        <source>Kiểm tra trước khi in: {e} lỗi, {w} cảnh báo</source>
        <translation>Preflight: {e} error(s), {w} warning(s)</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Số bản tin mới</source>
        <translation>New issue</translation>
    </message>
    <message>
        <source>Thông tin số bản tin</source>
        <translation>Issue details</translation>
    </message>
    <message>
        <source>Số thứ tự của bản tin trong năm</source>
        <translation>The issue’s sequence number within the year</translation>
    </message>
    <message>
        <source>Ngày phát hành in trên trang bìa</source>
        <translation>Release date printed on the cover</translation>
    </message>
    <message>
        <source>ví dụ: Tháng 11–12/2026</source>
        <translation>e.g. Tháng 11–12/2026</translation>
    </message>
    <message>
        <source>Kỳ phát hành, in cạnh số bản tin</source>
        <translation>Publication period, printed next to the issue number</translation>
    </message>
    <message>
        <source>ví dụ: Số cuối năm 2026 (không bắt buộc)</source>
        <translation>e.g. Số cuối năm 2026 (optional)</translation>
    </message>
    <message>
        <source>Ảnh in trên trang bìa</source>
        <translation>Image printed on the cover</translation>
    </message>
    <message>
        <source>Ảnh đầu tiên</source>
        <translation>First image</translation>
    </message>
    <message>
        <source>Tự động: ảnh đầu tiên trong các tin bài của số</source>
        <translation>Automatic: the first image in the issue’s articles</translation>
    </message>
    <message>
        <source>Chọn ảnh từ tệp…</source>
        <translation>Choose image from file…</translation>
    </message>
    <message>
        <source>Đưa một ảnh vào thư viện và dùng làm ảnh bìa</source>
        <translation>Add an image to the library and use it as the cover</translation>
    </message>
    <message>
        <source>Để trống: theo thông tin xuất bản (“Lưu hành nội bộ”)</source>
        <translation>Leave blank to use the publication details (“Lưu hành nội bộ”)</translation>
    </message>
    <message>
        <source>Dòng in ở chân trang bìa và cuối trang cuối</source>
        <translation>Line printed at the foot of the cover and at the end of the last page</translation>
    </message>
    <message>
        <source>Tiếng Việt</source>
        <translation>Vietnamese</translation>
    </message>
    <message>
        <source>Tiếng Anh</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Song ngữ Việt – Anh</source>
        <translation>Bilingual Vietnamese – English</translation>
    </message>
    <message>
        <source>Ngôn ngữ in của số: bản tiếng Anh của mỗi tin là bản dịch đã nối với nó</source>
        <translation>The languages the issue prints: each article&apos;s English text is its linked translation</translation>
    </message>
    <message>
        <source>Phần tiếng Việt, rồi phần tiếng Anh</source>
        <translation>Vietnamese part, then English part</translation>
    </message>
    <message>
        <source>Mỗi tin kèm bản dịch ngay sau</source>
        <translation>Each article followed by its translation</translation>
    </message>
    <message>
        <source>Tạo bài “Thư ngỏ” và mở để viết</source>
        <translation>Create an editorial letter (“Thư ngỏ”) and open it for writing</translation>
    </message>
    <message>
        <source>Mở thư ngỏ</source>
        <translation>Open editorial letter</translation>
    </message>
    <message>
        <source>Lưu thông tin số và mở thư ngỏ trong trình soạn tin bài</source>
        <translation>Save the issue details and open the editorial letter in the article editor</translation>
    </message>
    <message>
        <source>&amp;Số:</source>
        <translation>&amp;Number:</translation>
    </message>
    <message>
        <source>&amp;Ngày phát hành:</source>
        <translation>Release &amp;date:</translation>
    </message>
    <message>
        <source>&amp;Kỳ:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <source>&amp;Tên số:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Ảnh &amp;bìa:</source>
        <translation>&amp;Cover image:</translation>
    </message>
    <message>
        <source>Dòng &amp;lưu hành:</source>
        <translation>Circulation &amp;line:</translation>
    </message>
    <message>
        <source>Ấ&amp;n bản:</source>
        <translation>Editio&amp;n:</translation>
    </message>
    <message>
        <source>Cách xếp song ngữ:</source>
        <translation>Bilingual arrangement:</translation>
    </message>
    <message>
        <source>Thư ngỏ:</source>
        <translation>Editorial letter:</translation>
    </message>
    <message>
        <source>Tạo số</source>
        <translation>Create issue</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Số này có thư ngỏ “{title}”.</source>
        <translation>This issue has the editorial letter “{title}”.</translation>
    </message>
    <message>
        <source>Số này chưa có thư ngỏ.</source>
        <translation>This issue has no editorial letter yet.</translation>
    </message>
    <message>
        <source>{name}
{w} × {h} điểm ảnh</source>
        <translation>{name}
{w} × {h} pixels</translation>
    </message>
    <message>
        <source>Chọn ảnh bìa</source>
        <translation>Choose cover image</translation>
    </message>
    <message>
        <source>Ảnh ({patterns})</source>
        <translation>Images ({patterns})</translation>
    </message>
</context>
<context>
    <name>IssueTreeModel</name>
    <message>
        <source>Chuyên mục “{name}” chưa có tin bài — kéo tin bài từ thư viện vào đây</source>
        <translation>Column “{name}” has no articles yet — drag articles here from the library</translation>
    </message>
    <message>
        <source>Chuyên mục “{name}”: {n} tin bài</source>
        <translation>Column “{name}”: {n} article(s)</translation>
    </message>
    <message>
        <source>{title}
(mã {id}; nhấp đúp để mở, kéo để sắp xếp)</source>
        <translation>{title}
(ID {id}; double-click to open, drag to reorder)</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Tìm tin bài — gõ không dấu cũng được (ví dụ: thuy dien, &quot;hợp tác&quot;, koica -nhật)</source>
        <translation>Search articles — diacritics optional (e.g. thuy dien, &quot;hợp tác&quot;, koica -nhật)</translation>
    </message>
    <message>
        <source>Từ khóa cách nhau bằng dấu cách; &quot;cụm từ&quot; trong ngoặc kép; tiền tố*; -loại trừ;
bộ lọc: column:&quot;Ngoại giao kinh tế&quot; status:approved tag:… lang:en from:2025-01-01 to:2025-12-31</source>
        <translation>Separate keywords with spaces; &quot;exact phrase&quot; in double quotes; prefix*; -exclude;
filters: column:&quot;Ngoại giao kinh tế&quot; status:approved tag:… lang:en from:2025-01-01 to:2025-12-31</translation>
    </message>
    <message>
        <source>Thư viện</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Thùng rác</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Tin bài đã xóa nằm trong thùng rác cho đến khi dọn</source>
        <translation>Deleted articles stay in the trash until it is emptied</translation>
    </message>
    <message>
        <source>Lọc theo chuyên mục</source>
        <translation>Filter by column</translation>
    </message>
    <message>
        <source>Mọi trạng thái</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Mọi ngôn ngữ</source>
        <translation>All languages</translation>
    </message>
    <message>
        <source>Tin tiếng Việt theo tình trạng bản dịch tiếng Anh</source>
        <translation>Vietnamese articles by the state of their English translation</translation>
    </message>
    <message>
        <source>Mọi tình trạng dịch</source>
        <translation>Any translation state</translation>
    </message>
    <message>
        <source>Đăng từ ngày</source>
        <translation>Published on or after</translation>
    </message>
    <message>
        <source>Đăng đến ngày</source>
        <translation>Published on or before</translation>
    </message>
    <message>
        <source>Dọn thùng rác…</source>
        <translation>Empty trash…</translation>
    </message>
    <message>
        <source>Từ</source>
        <translation>From</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source> (— là không giới hạn)</source>
        <translation> (— means no limit)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Chào mừng đến với Bản tin đối ngoại&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Welcome to Bản tin đối ngoại&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Thư viện tin bài còn trống. Hãy nhập các bài viết bạn đã thu thập (tệp .txt, .docx, .md, trang web đã lưu…) — hoặc kéo thả tệp, thư mục vào cửa sổ này.&lt;br&gt;Muốn xem thử trước? Tạo dữ liệu mẫu: vài tin bài và một số bản tin hoàn chỉnh.</source>
        <translation>The article library is empty. Import the articles you have collected (.txt, .docx and .md files, saved web pages…) — or drag and drop files and folders onto this window.&lt;br&gt;Want to try it out first? Create sample data: a few articles and a complete issue.</translation>
    </message>
    <message>
        <source>Nhập tin bài…</source>
        <translation>Import articles…</translation>
    </message>
    <message>
        <source>Tạo dữ liệu mẫu</source>
        <translation>Create sample data</translation>
    </message>
    <message>
        <source>&amp;Mở tin bài</source>
        <translation>&amp;Open article</translation>
    </message>
    <message>
        <source>Đổi &amp;tên</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <source>&amp;Xóa (vào thùng rác)</source>
        <translation>&amp;Delete (move to trash)</translation>
    </message>
    <message>
        <source>&amp;Khôi phục</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>Thêm vào số bản tin đang &amp;mở</source>
        <translation>Add to the &amp;open issue</translation>
    </message>
    <message>
        <source>Đặt các tin bài đã chọn vào số bản tin đang mở, mỗi bài vào chuyên mục của nó</source>
        <translation>Put the selected articles into the issue open in the composer, each into its own column</translation>
    </message>
    <message>
        <source>Xem &amp;song song với bản dịch</source>
        <translation>&amp;Side by side with the translation</translation>
    </message>
    <message>
        <source>Xuất &amp;gói dịch…</source>
        <translation>Export translation &amp;package…</translation>
    </message>
    <message>
        <source>Các tin tiếng Việt đã chọn, thành gói cho người dịch</source>
        <translation>The selected Vietnamese articles as a package for the translator</translation>
    </message>
    <message>
        <source>Gắn &amp;thẻ…</source>
        <translation>&amp;Tag…</translation>
    </message>
    <message>
        <source>Mọi chuyên mục</source>
        <translation>All columns</translation>
    </message>
    <message>
        <source>&amp;Xóa vĩnh viễn…</source>
        <translation>&amp;Delete permanently…</translation>
    </message>
    <message>
        <source>&lt;p&gt;Thùng rác trống.&lt;/p&gt;</source>
        <translation>&lt;p&gt;The trash is empty.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Không tìm thấy tin bài nào.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No articles found.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Đổi tên</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Xóa vĩnh viễn</source>
        <translation>Delete permanently</translation>
    </message>
    <message>
        <source>Xóa vĩnh viễn {n} tin bài? Không thể hoàn tác.</source>
        <translation>Permanently delete {n} article(s)? This cannot be undone.</translation>
    </message>
    <message>
        <source>Đã xóa vĩnh viễn {n} tin bài.</source>
        <translation>Permanently deleted {n} article(s).</translation>
    </message>
    <message>
        <source>Đã chuyển {n} tin bài vào thùng rác.</source>
        <translation>Moved {n} article(s) to the trash.</translation>
    </message>
    <message>
        <source>Đã khôi phục {n} tin bài.</source>
        <translation>Restored {n} article(s).</translation>
    </message>
    <message>
        <source>Dọn thùng rác</source>
        <translation>Empty trash</translation>
    </message>
    <message>
        <source>Xóa vĩnh viễn mọi tin bài trong thùng rác? Không thể hoàn tác.</source>
        <translation>Permanently delete all articles in the trash? This cannot be undone.</translation>
    </message>
    <message>
        <source>Đã dọn thùng rác.</source>
        <translation>Trash emptied.</translation>
    </message>
    <message>
        <source>Đã chuyển {n} tin bài sang chuyên mục “{name}”.</source>
        <translation>Moved {n} article(s) to the column “{name}”.</translation>
    </message>
    <message>
        <source>Đã đổi trạng thái {n} tin bài.</source>
        <translation>Changed the status of {n} article(s).</translation>
    </message>
    <message>
        <source>Gắn thẻ</source>
        <translation>Tag articles</translation>
    </message>
    <message>
        <source>Thẻ cho {n} tin bài (cách nhau bằng dấu phẩy):</source>
        <translation>Tags for {n} article(s) (separated by commas):</translation>
    </message>
    <message>
        <source>Đã gắn thẻ cho {n} tin bài.</source>
        <translation>Tagged {n} article(s).</translation>
    </message>
    <message>
        <source>Chuyển sang &amp;chuyên mục</source>
        <translation>Move to &amp;column</translation>
    </message>
    <message>
        <source>Đổi t&amp;rạng thái</source>
        <translation>Change &amp;status</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Đang mở thư viện…</source>
        <translation>Opening library…</translation>
    </message>
    <message>
        <source>Không mở được thư viện.</source>
        <translation>Could not open the library.</translation>
    </message>
    <message>
        <source>Thư viện tin bài</source>
        <translation>Article library</translation>
    </message>
    <message>
        <source>Số bản tin</source>
        <translation>Issues</translation>
    </message>
    <message>
        <source>Chuyên mục</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Thông tin xuất bản</source>
        <translation>Publication details</translation>
    </message>
    <message>
        <source>Đã kết nối lại với thư viện.</source>
        <translation>Reconnected to the library.</translation>
    </message>
    <message>
        <source>Tin bài &amp;mới</source>
        <translation>&amp;New article</translation>
    </message>
    <message>
        <source>Viết tin bài mới (Ctrl+N)</source>
        <translation>Write a new article (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Nhập tin bài…</source>
        <translation>&amp;Import articles…</translation>
    </message>
    <message>
        <source>Nhập tệp hoặc thư mục vào thư viện (Ctrl+O) — hoặc kéo thả vào cửa sổ</source>
        <translation>Import files or folders into the library (Ctrl+O) — or drag and drop them onto the window</translation>
    </message>
    <message>
        <source>&amp;Lưu</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Lưu thông tin xuất bản (Ctrl+S)</source>
        <translation>Save the publication details (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Xuất số bản tin…</source>
        <translation>&amp;Export issue…</translation>
    </message>
    <message>
        <source>Xuất số bản tin đang chọn ra PDF in ấn và DOCX (Ctrl+E)</source>
        <translation>Export the selected issue to print-ready PDF and DOCX (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;Xem trước bản in</source>
        <translation>Print pre&amp;view</translation>
    </message>
    <message>
        <source>Xem bản PDF thật của số bản tin (Ctrl+P)</source>
        <translation>View the issue’s actual PDF (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Sao lưu thư viện…</source>
        <translation>&amp;Back up library…</translation>
    </message>
    <message>
        <source>Chép toàn bộ thư viện thành một tệp .zip (khôi phục được vào SQLite hoặc PostgreSQL)</source>
        <translation>Copy the whole library into one .zip file (restorable into SQLite or PostgreSQL)</translation>
    </message>
    <message>
        <source>Tạo dữ liệu &amp;mẫu</source>
        <translation>Create sa&amp;mple data</translation>
    </message>
    <message>
        <source>Thêm tin bài và một số bản tin mẫu</source>
        <translation>Add sample articles and a sample issue</translation>
    </message>
    <message>
        <source>&amp;Tùy chọn…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>Thư viện, giao diện, phông chữ, ngôn ngữ</source>
        <translation>Library, theme, fonts, language</translation>
    </message>
    <message>
        <source>&amp;Khôi phục từ bản sao lưu…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>Thay toàn bộ thư viện bằng một bản sao lưu .zip (nội dung hiện tại được sao lưu trước)</source>
        <translation>Replace the whole library with a .zip backup (the current content is backed up first)</translation>
    </message>
    <message>
        <source>&amp;Ban biên tập…</source>
        <translation>Editorial &amp;team…</translation>
    </message>
    <message>
        <source>Thành viên và vai trò: ai là tổng biên tập, được duyệt tin bài</source>
        <translation>Members and roles: who is editor-in-chief and may approve articles</translation>
    </message>
    <message>
        <source>T&amp;hoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tìm tin bài</source>
        <translation>&amp;Find articles</translation>
    </message>
    <message>
        <source>Tìm trong thư viện (Ctrl+F)</source>
        <translation>Search the library (Ctrl+F)</translation>
    </message>
    <message>
        <source>Mở thư mục &amp;nhật ký</source>
        <translation>Open &amp;log folder</translation>
    </message>
    <message>
        <source>&amp;Giới thiệu</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sửa</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Số &amp;bản tin</source>
        <translation>&amp;Issue</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Công cụ</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>{n} tin bài trong thùng rác</source>
        <translation>{n} article(s) in the trash</translation>
    </message>
    <message>
        <source>{n} kết quả</source>
        <translation>{n} result(s)</translation>
    </message>
    <message>
        <source>{n} tin bài · {where}</source>
        <translation>{n} article(s) · {where}</translation>
    </message>
    <message>
        <source>Người khác</source>
        <translation>Someone else</translation>
    </message>
    <message>
        <source>{n} tin bài</source>
        <translation>{n} articles</translation>
    </message>
    <message>
        <source>{n} số bản tin</source>
        <translation>{n} issues</translation>
    </message>
    <message>
        <source>chuyên mục</source>
        <translation>columns</translation>
    </message>
    <message>
        <source>thông tin xuất bản</source>
        <translation>publication record</translation>
    </message>
    <message>
        <source>toàn bộ thư viện (khôi phục)</source>
        <translation>the whole library (restored)</translation>
    </message>
    <message>
        <source>{who} vừa lưu: {what}.</source>
        <translation>{who} just saved: {what}.</translation>
    </message>
    <message>
        <source>Chưa có số bản tin nào đang mở. Hãy tạo một số trong “Số bản tin”.</source>
        <translation>No issue is open. Create one under “Issues”.</translation>
    </message>
    <message>
        <source>Đã đặt {n} tin bài vào số {number}.</source>
        <translation>Put {n} article(s) into issue {number}.</translation>
    </message>
    <message>
        <source>Xuất số bản tin</source>
        <translation>Export issue</translation>
    </message>
    <message>
        <source>Chưa có số bản tin nào. Hãy tạo một số trong “Số bản tin”.</source>
        <translation>There are no issues yet. Create one under “Issues”.</translation>
    </message>
    <message>
        <source>Tùy chọn</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Thay đổi sẽ có hiệu lực khi mở lại ứng dụng.</source>
        <translation>Changes take effect when you restart the application.</translation>
    </message>
    <message>
        <source>Nhập tin bài</source>
        <translation>Import articles</translation>
    </message>
    <message>
        <source>Tin bài (*.txt *.docx *.doc *.md *.html *.htm);;Mọi tệp (*)</source>
        <translation>Articles (*.txt *.docx *.doc *.md *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <source>Đang nhập {n} mục…</source>
        <translation>Importing {n} item(s)…</translation>
    </message>
    <message>
        <source>Đã nhập {n} tin bài.</source>
        <translation>Imported {n} article(s).</translation>
    </message>
    <message>
        <source>Tạo dữ liệu mẫu</source>
        <translation>Create sample data</translation>
    </message>
    <message>
        <source>Thêm các tin bài mẫu, thông tin xuất bản mẫu và một số bản tin mẫu vào thư viện?</source>
        <translation>Add sample articles, sample publication details and a sample issue to the library?</translation>
    </message>
    <message>
        <source>Đang tạo dữ liệu mẫu…</source>
        <translation>Creating sample data…</translation>
    </message>
    <message>
        <source>Đã tạo dữ liệu mẫu.</source>
        <translation>Sample data created.</translation>
    </message>
    <message>
        <source>Bản sao lưu thư viện (*.zip)</source>
        <translation>Library backup (*.zip)</translation>
    </message>
    <message>
        <source>Bản sao tệp thư viện SQLite (*.db)</source>
        <translation>Copy of the SQLite library file (*.db)</translation>
    </message>
    <message>
        <source>Sao lưu thư viện</source>
        <translation>Back up library</translation>
    </message>
    <message>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>Đã sao lưu vào {path}</source>
        <translation>Backed up to {path}</translation>
    </message>
    <message>
        <source>Khôi phục thư viện</source>
        <translation>Restore library</translation>
    </message>
    <message>
        <source>Hãy đóng các cửa sổ soạn tin bài đang mở trước khi khôi phục.</source>
        <translation>Please close the open article editors before restoring.</translation>
    </message>
    <message>
        <source>Khôi phục từ bản sao lưu</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Thay toàn bộ nội dung của thư viện {library} bằng bản sao lưu {archive}?

Nội dung hiện tại được sao lưu trước vào thư mục sao lưu, không mất gì.</source>
        <translation>Replace the whole content of the library {library} with the backup {archive}?

The current content is first backed up to the backups folder; nothing is lost.</translation>
    </message>
    <message>
        <source>Đang khôi phục…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <source>Đã khôi phục {n} tin bài, {m} số bản tin.</source>
        <translation>Restored {n} articles, {m} issues.</translation>
    </message>
    <message>
        <source>Nội dung cũ: {path}</source>
        <translation>Previous content: {path}</translation>
    </message>
    <message>
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; {version}&lt;br&gt;Thư viện tin bài, dàn trang số bản tin, xuất PDF in ấn và DOCX cho Bản tin đối ngoại Thái Nguyên — Sở Ngoại vụ tỉnh Thái Nguyên.&lt;br&gt;Thư viện: {where}</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; {version}&lt;br&gt;Article library, issue layout, and print-ready PDF and DOCX export for Bản tin đối ngoại Thái Nguyên (Thái Nguyên Foreign Affairs Bulletin) — Department of Foreign Affairs of Thái Nguyên Province.&lt;br&gt;Library: {where}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Thành viên ban biên tập</source>
        <translation>Editorial team member</translation>
    </message>
    <message>
        <source>tên đăng nhập máy tính, ví dụ thuha</source>
        <translation>computer login name, e.g. thuha</translation>
    </message>
    <message>
        <source>Biên tập viên</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Tổng biên tập</source>
        <translation>Editor-in-chief</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tên đăng nhập:</source>
        <translation>Login name:</translation>
    </message>
    <message>
        <source>Họ tên:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Vai trò:</source>
        <translation>Role:</translation>
    </message>
</context>
<context>
    <name>MetadataPanel</name>
    <message>
        <source>Ví dụ: Minh Hằng</source>
        <translation>e.g. Minh Hằng</translation>
    </message>
    <message>
        <source>Ví dụ: Báo Thái Nguyên</source>
        <translation>e.g. Báo Thái Nguyên</translation>
    </message>
    <message>
        <source>Tin bài có ngày đăng</source>
        <translation>The article has a publication date</translation>
    </message>
    <message>
        <source>Có giờ đăng</source>
        <translation>Include time</translation>
    </message>
    <message>
        <source>(chưa xếp chuyên mục)</source>
        <translation>(no column)</translation>
    </message>
    <message>
        <source>cách nhau bằng dấu phẩy</source>
        <translation>separated by commas</translation>
    </message>
    <message>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Nối tin bài này với bản dịch (hoặc bản gốc) của nó</source>
        <translation>Link this article with its translation (or its original)</translation>
    </message>
    <message>
        <source>Gỡ</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>Bỏ liên kết bản dịch (cả hai phía, khi lưu)</source>
        <translation>Remove the translation link (both sides, on saving)</translation>
    </message>
    <message>
        <source>Xem song song</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <source>Mở bản gốc và bản dịch cạnh nhau, từng đoạn một</source>
        <translation>Open the original and the translation next to each other, paragraph by paragraph</translation>
    </message>
    <message>
        <source>Tạo bản tiếng Anh</source>
        <translation>Create English version</translation>
    </message>
    <message>
        <source>Tạo tin bài tiếng Anh theo cấu trúc của tin này (tiêu đề, đoạn, danh sách, ảnh) để dịch</source>
        <translation>Create an English article with this article&apos;s structure (title, paragraphs, lists, pictures) to translate</translation>
    </message>
    <message>
        <source>Trạng thái:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Chuyên mục:</source>
        <translation>Column:</translation>
    </message>
    <message>
        <source>Tác giả:</source>
        <translation>Author:</translation>
    </message>
    <message>
        <source>Nguồn:</source>
        <translation>Source:</translation>
    </message>
    <message>
        <source>Địa chỉ web:</source>
        <translation>Web address:</translation>
    </message>
    <message>
        <source>Ngày đăng:</source>
        <translation>Published:</translation>
    </message>
    <message>
        <source>Thẻ:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>Ngôn ngữ:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Bản dịch:</source>
        <translation>Translation:</translation>
    </message>
    <message>
        <source>Tin bài mới: được thêm vào thư viện khi lưu lần đầu.</source>
        <translation>New article: added to the library when first saved.</translation>
    </message>
    <message>
        <source>Tin bài số {id} · phiên bản {version} · cập nhật {updated}</source>
        <translation>Article {id} · version {version} · updated {updated}</translation>
    </message>
    <message>
        <source>(chưa nối bản dịch)</source>
        <translation>(no translation linked)</translation>
    </message>
    <message>
        <source>Tin bài số {id}</source>
        <translation>Article no. {id}</translation>
    </message>
    <message>
        <source>{language} · số {id}: “{title}”</source>
        <translation>{language} · no. {id}: “{title}”</translation>
    </message>
    <message>
        <source>Không có tin bài số {id}.</source>
        <translation>Article {id} does not exist.</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Bản xem trước PDF</source>
        <translation>PDF preview</translation>
    </message>
    <message>
        <source>Chưa có bản xem trước.</source>
        <translation>No preview yet.</translation>
    </message>
    <message>
        <source>Các trang — nhấp để đến trang</source>
        <translation>Pages — click to go to a page</translation>
    </message>
    <message>
        <source>Trang đang xem / số trang</source>
        <translation>Current page / page count</translation>
    </message>
    <message>
        <source>Cả trang</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <source>Thu phóng cho thấy cả trang</source>
        <translation>Zoom to show the whole page</translation>
    </message>
    <message>
        <source>Vừa chiều rộng</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Thu phóng theo chiều rộng trang</source>
        <translation>Zoom to the page width</translation>
    </message>
    <message>
        <source>Không đọc được bản xem trước.</source>
        <translation>Could not read the preview.</translation>
    </message>
    <message>
        <source>Trang {n}</source>
        <translation>Page {n}</translation>
    </message>
    <message>
        <source>Trang {x} / {n}</source>
        <translation>Page {x} / {n}</translation>
    </message>
    <message>
        <source>Trang – / –</source>
        <translation>Page – / –</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Địa chỉ máy chủ phải có dạng loại://…, ví dụ postgresql://người-dùng@máy-chủ/thư-viện</source>
        <translation>A server address must have the form scheme://…, e.g. postgresql://user@host/library</translation>
    </message>
    <message>
        <source>“{path}” là một thư mục; hãy chọn một tệp thư viện (.db).</source>
        <translation>“{path}” is a folder; choose a library file (.db).</translation>
    </message>
    <message>
        <source>Thư mục “{folder}” không tồn tại.</source>
        <translation>The folder “{folder}” does not exist.</translation>
    </message>
    <message>
        <source>Tùy chọn</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Thư viện</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Mặc định: {path}</source>
        <translation>Default: {path}</translation>
    </message>
    <message>
        <source>Tệp thư viện (.db) hoặc địa chỉ máy chủ cơ sở dữ liệu, ví dụ postgresql://máy-chủ/thư-viện</source>
        <translation>Library file (.db) or database server address, e.g. postgresql://host/library</translation>
    </message>
    <message>
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Vị trí:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <source>Máy chủ:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Thư viện mới được mở khi khởi động lại ứng dụng.</source>
        <translation>The new library opens when you restart the application.</translation>
    </message>
    <message>
        <source>Xuất bản tin</source>
        <translation>Bulletin export</translation>
    </message>
    <message>
        <source>Mặc định</source>
        <translation>Default</translation>
    </message>
    <message>
        <source>Phông chữ nội dung tin bài trong PDF và DOCX</source>
        <translation>Font for article body text in PDF and DOCX</translation>
    </message>
    <message>
        <source>Phông chữ tiêu đề, bìa, đầu trang</source>
        <translation>Font for headings, cover and page headers</translation>
    </message>
    <message>
        <source>Chỉ hiện phông đủ chữ tiếng Việt</source>
        <translation>Show only fonts with full Vietnamese coverage</translation>
    </message>
    <message>
        <source>Đang kiểm tra phông chữ…</source>
        <translation>Checking fonts…</translation>
    </message>
    <message>
        <source>Giao diện:</source>
        <translation>Theme:</translation>
    </message>
    <message>
        <source>Phông nội dung:</source>
        <translation>Body font:</translation>
    </message>
    <message>
        <source>Phông tiêu đề:</source>
        <translation>Heading font:</translation>
    </message>
    <message>
        <source>Xem thử:</source>
        <translation>Preview:</translation>
    </message>
    <message>
        <source>Ứng dụng</source>
        <translation>Application</translation>
    </message>
    <message>
        <source> giây</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Tắt</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Bản nháp tin bài đang sửa được tự lưu sau mỗi khoảng này (0 = tắt)</source>
        <translation>The draft of the article being edited is saved automatically at this interval (0 = off)</translation>
    </message>
    <message>
        <source>Ngôn ngữ giao diện:</source>
        <translation>Interface language:</translation>
    </message>
    <message>
        <source>Áp dụng sau khi khởi động lại ứng dụng.</source>
        <translation>Takes effect after restarting the application.</translation>
    </message>
    <message>
        <source>Tự lưu bản nháp:</source>
        <translation>Autosave drafts:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Chọn tệp thư viện</source>
        <translation>Choose library file</translation>
    </message>
    <message>
        <source>Thư viện bản tin (*.db);;Mọi tệp (*)</source>
        <translation>Bulletin libraries (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>{complete} trong {total} phông có đủ {letters} chữ cái tiếng Việt.</source>
        <translation>{complete} of {total} fonts have all {letters} Vietnamese letters.</translation>
    </message>
    <message>
        <source>Dùng phông của giao diện đã chọn.</source>
        <translation>Uses the selected theme’s font.</translation>
    </message>
    <message>
        <source>Đang kiểm tra…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Đủ {n} chữ cái tiếng Việt.</source>
        <translation>All {n} Vietnamese letters present.</translation>
    </message>
    <message>
        <source>Thiếu {n} chữ tiếng Việt ({sample}) — sẽ in thành ô trống.</source>
        <translation>{n} Vietnamese character(s) missing ({sample}) — they will print as blank boxes.</translation>
    </message>
    <message>
        <source>Chưa xuất PDF/DOCX được với phông này (cần tệp .ttf tĩnh).</source>
        <translation>This font cannot be used for PDF/DOCX export yet (a static .ttf file is needed).</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Đang dàn trang…</source>
        <translation>Laying out…</translation>
    </message>
    <message>
        <source>Không dàn trang được: {message}</source>
        <translation>Layout failed: {message}</translation>
    </message>
    <message>
        <source>Số trang: –</source>
        <translation>Pages: –</translation>
    </message>
    <message>
        <source>Số trang: – / {limit}</source>
        <translation>Pages: – / {limit}</translation>
    </message>
    <message>
        <source>Số trang lấy từ bản xem trước PDF</source>
        <translation>Page count taken from the PDF preview</translation>
    </message>
    <message>
        <source>⚠ {pages} / {limit} trang — vượt giới hạn</source>
        <translation>⚠ {pages} / {limit} pages — over the limit</translation>
    </message>
    <message>
        <source>{pages} / {limit} trang</source>
        <translation>{pages} / {limit} pages</translation>
    </message>
    <message>
        <source>Số trang của bản xem trước so với giới hạn trong giấy phép xuất bản ({limit} trang)</source>
        <translation>Page count of the preview compared with the limit in the publishing license ({limit} pages)</translation>
    </message>
</context>
<context>
    <name>ProcessRunner</name>
    <message>
        <source>Tiến trình xử lý bị dừng đột ngột (tệp hỏng nặng?). Hãy thử lại.</source>
        <translation>The worker process stopped unexpectedly (badly damaged file?). Please try again.</translation>
    </message>
</context>
<context>
    <name>PublicationForm</name>
    <message>
        <source>Bản tin</source>
        <translation>Bulletin</translation>
    </message>
    <message>
        <source>Tên bản tin:</source>
        <translation>Bulletin name:</translation>
    </message>
    <message>
        <source>Cơ quan xuất bản:</source>
        <translation>Publishing body:</translation>
    </message>
    <message>
        <source>In ở đầu trang 1 (Luật Báo chí 2016, Điều 34)</source>
        <translation>Printed at the top of page 1 (Press Law 2016, Article 34)</translation>
    </message>
    <message>
        <source>Cơ quan chủ quản:</source>
        <translation>Governing body:</translation>
    </message>
    <message>
        <source>Kỳ hạn xuất bản ghi trong giấy phép</source>
        <translation>Publication frequency stated in the license</translation>
    </message>
    <message>
        <source>Kỳ hạn xuất bản:</source>
        <translation>Frequency:</translation>
    </message>
    <message>
        <source>Khổ (rộng × cao):</source>
        <translation>Size (width × height):</translation>
    </message>
    <message>
        <source> trang</source>
        <translation> pages</translation>
    </message>
    <message>
        <source>Số trang tối đa theo giấy phép (luật cho phép tối đa {n} trang)</source>
        <translation>Maximum page count under the license (the law allows at most {n} pages)</translation>
    </message>
    <message>
        <source>Số trang tối đa:</source>
        <translation>Maximum pages:</translation>
    </message>
    <message>
        <source>In dòng “Lưu hành nội bộ” trên bìa</source>
        <translation>Print “Lưu hành nội bộ” (internal circulation) on the cover</translation>
    </message>
    <message>
        <source>Lưu hành:</source>
        <translation>Circulation:</translation>
    </message>
    <message>
        <source>Giấy phép xuất bản</source>
        <translation>Publishing license</translation>
    </message>
    <message>
        <source>Số giấy phép:</source>
        <translation>License number:</translation>
    </message>
    <message>
        <source>Đã cấp</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>Ngày cấp:</source>
        <translation>Date issued:</translation>
    </message>
    <message>
        <source>Cơ quan cấp:</source>
        <translation>Issued by:</translation>
    </message>
    <message>
        <source>Có thời hạn</source>
        <translation>Expires</translation>
    </message>
    <message>
        <source>Giấy phép bản tin có thời hạn tối đa một năm</source>
        <translation>A bulletin license is valid for at most one year</translation>
    </message>
    <message>
        <source>Ngày hết hạn:</source>
        <translation>Expiration date:</translation>
    </message>
    <message>
        <source>In ấn</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source> bản</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>Số lượng in:</source>
        <translation>Print run:</translation>
    </message>
    <message>
        <source>Nơi in:</source>
        <translation>Printed by:</translation>
    </message>
    <message>
        <source>Trách nhiệm xuất bản</source>
        <translation>Publishing responsibility</translation>
    </message>
    <message>
        <source>Người chịu trách nhiệm:</source>
        <translation>Person responsible:</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Mỗi dòng một người</source>
        <translation>One person per line</translation>
    </message>
    <message>
        <source>Ban biên tập:</source>
        <translation>Editorial board:</translation>
    </message>
    <message>
        <source>Liên hệ</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Địa chỉ:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Điện thoại:</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Trang web:</source>
        <translation>Website:</translation>
    </message>
    <message>
        <source>Phần tiếng Anh (ấn bản song ngữ, tiếng Anh)</source>
        <translation>English part (bilingual and English editions)</translation>
    </message>
    <message>
        <source>Bìa, đầu trang và trang cuối của phần tiếng Anh in các tên này</source>
        <translation>The English part&apos;s cover, running heads and last page print these names</translation>
    </message>
    <message>
        <source>Cơ quan cấp phép:</source>
        <translation>Licence issued by:</translation>
    </message>
    <message>
        <source>Chức vụ người chịu trách nhiệm:</source>
        <translation>Title of the person responsible:</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Lưu thông tin xuất bản (Ctrl+S)</source>
        <translation>Save the publication details (Ctrl+S)</translation>
    </message>
    <message>
        <source>Hoàn tác</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>Bỏ mọi thay đổi chưa lưu, trở về thông tin đã lưu</source>
        <translation>Discard all unsaved changes and return to the saved details</translation>
    </message>
    <message>
        <source>Bản tin tối đa {w:g} × {h:g} mm (Luật Báo chí 2016, Điều 34)</source>
        <translation>Bulletins may be at most {w:g} × {h:g} mm (Press Law 2016, Article 34)</translation>
    </message>
    <message>
        <source>Có thay đổi chưa lưu.</source>
        <translation>Unsaved changes.</translation>
    </message>
    <message>
        <source>Đã hết hạn {n} ngày trước</source>
        <translation>Expired {n} day(s) ago</translation>
    </message>
    <message>
        <source>Còn {n} ngày hiệu lực</source>
        <translation>Valid for {n} more day(s)</translation>
    </message>
    <message>
        <source>Đã trở về thông tin đã lưu.</source>
        <translation>Reverted to the saved details.</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Đã lưu thông tin xuất bản.</source>
        <translation>Publication details saved.</translation>
    </message>
    <message>
        <source>Chưa lưu.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <source>Không lưu được.</source>
        <translation>Could not save.</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <source>Tiêu đề: {value}</source>
        <translation>Title: {value}</translation>
    </message>
    <message>
        <source>Sa-pô: {value}</source>
        <translation>Standfirst: {value}</translation>
    </message>
    <message>
        <source>[Tiêu đề] {text}</source>
        <translation>[Heading] {text}</translation>
    </message>
    <message>
        <source>[Trích dẫn] {text}</source>
        <translation>[Quote] {text}</translation>
    </message>
    <message>
        <source>[Bảng] {row}</source>
        <translation>[Table] {row}</translation>
    </message>
    <message>
        <source>[Ảnh] {caption} {credit}</source>
        <translation>[Picture] {caption} {credit}</translation>
    </message>
    <message>
        <source>Tác giả</source>
        <translation>Byline</translation>
    </message>
    <message>
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Địa chỉ web</source>
        <translation>Web address</translation>
    </message>
    <message>
        <source>Ngày đăng</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Chuyên mục</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Thẻ</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Ngôn ngữ</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Bản dịch</source>
        <translation>Translation</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>… {n} dòng không đổi …</source>
        <translation>… {n} unchanged line(s) …</translation>
    </message>
    <message>
        <source>Lịch sử phiên bản</source>
        <translation>Version history</translation>
    </message>
    <message>
        <source>Khôi phục phiên bản này</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <source>Đưa tin bài về phiên bản đã chọn; bản hiện tại được giữ lại trong lịch sử</source>
        <translation>Return the article to the selected version; the current text is kept in the history</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Phiên bản {version}
{when} · {author}</source>
        <translation>Version {version}
{when} · {author}</translation>
    </message>
    <message>
        <source>Phiên bản {version} ({when})</source>
        <translation>Version {version} ({when})</translation>
    </message>
    <message>
        <source>Bản hiện tại (phiên bản {version})</source>
        <translation>Current text (version {version})</translation>
    </message>
    <message>
        <source>Hai phiên bản giống nhau.</source>
        <translation>The two versions are identical.</translation>
    </message>
    <message>
        <source>Chữ giống nhau; chỉ khác định dạng (đậm, nghiêng, liên kết…).</source>
        <translation>Same text; only the formatting differs (bold, italic, links…).</translation>
    </message>
    <message>
        <source>{n} dòng khác nhau (bên trái: phiên bản cũ, bên phải: bản hiện tại).</source>
        <translation>{n} line(s) differ (left: earlier version, right: current text).</translation>
    </message>
    <message>
        <source>Khôi phục phiên bản</source>
        <translation>Restore version</translation>
    </message>
    <message>
        <source>Những thay đổi chưa lưu trong cửa sổ biên tập sẽ bị thay bằng phiên bản {version}. Tiếp tục?</source>
        <translation>Unsaved changes in the editor window will be replaced by version {version}. Continue?</translation>
    </message>
    <message>
        <source>Khôi phục</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <source>Chèn bảng</source>
        <translation>Insert table</translation>
    </message>
    <message>
        <source>Hàng đầu là hàng tiêu đề</source>
        <translation>First row is a header row</translation>
    </message>
    <message>
        <source>Số hàng:</source>
        <translation>Rows:</translation>
    </message>
    <message>
        <source>Số cột:</source>
        <translation>Columns:</translation>
    </message>
    <message>
        <source>Chèn</source>
        <translation>Insert</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Ban biên tập</source>
        <translation>Editorial team</translation>
    </message>
    <message>
        <source>Tên đăng nhập</source>
        <translation>Login name</translation>
    </message>
    <message>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Thêm…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Sửa…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Bỏ</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Biên tập viên</source>
        <translation>Editor</translation>
    </message>
    <message>
        <source>Tổng biên tập</source>
        <translation>Editor-in-chief</translation>
    </message>
    <message>
        <source>Chưa có tổng biên tập: ai dùng thư viện cũng được duyệt tin bài (một bàn biên tập). Khi đã ghi một tổng biên tập, chỉ tổng biên tập được duyệt và sửa danh sách này. Bạn là “{me}”.</source>
        <translation>No editor-in-chief yet: whoever uses the library may approve articles (a single desk). Once an editor-in-chief is recorded, only they may approve and change this list. You are “{me}”.</translation>
    </message>
    <message>
        <source>Chỉ tổng biên tập được duyệt tin bài và sửa danh sách này. Bạn là “{me}”.</source>
        <translation>Only the editor-in-chief may approve articles and change this list. You are “{me}”.</translation>
    </message>
</context>
<context>
    <name>TranslationActions</name>
    <message>
        <source>Nhập &amp;gói dịch…</source>
        <translation>Import translation pac&amp;kage…</translation>
    </message>
    <message>
        <source>Đọc gói dịch đã điền (DOCX hoặc XLIFF): tạo hoặc cập nhật bản tiếng Anh</source>
        <translation>Read a filled translation package (DOCX or XLIFF): create or update the English versions</translation>
    </message>
    <message>
        <source>Xuất gói &amp;dịch của số…</source>
        <translation>Export the issue&apos;s translation &amp;package…</translation>
    </message>
    <message>
        <source>Các tin tiếng Việt của số đang mở, thành gói cho người dịch</source>
        <translation>The open issue&apos;s Vietnamese articles as a package for the translator</translation>
    </message>
    <message>
        <source>Xuất gói dịch</source>
        <translation>Export translation package</translation>
    </message>
    <message>
        <source>Bảng Word cho người dịch (*.docx);;XLIFF 1.2 cho phần mềm dịch (*.xlf)</source>
        <translation>Word table for the translator (*.docx);;XLIFF 1.2 for translation tools (*.xlf)</translation>
    </message>
    <message>
        <source>Gói dịch</source>
        <translation>Translation package</translation>
    </message>
    <message>
        <source>Chưa có số bản tin nào đang mở.</source>
        <translation>No issue is open.</translation>
    </message>
    <message>
        <source>Đã xuất {articles} tin bài ({units} đoạn cần dịch) vào
{path}</source>
        <translation>Exported {articles} articles ({units} segments to translate) to
{path}</translation>
    </message>
    <message>
        <source>Nhập gói dịch</source>
        <translation>Import translation package</translation>
    </message>
    <message>
        <source>Gói dịch (*.docx *.xlf *.xliff)</source>
        <translation>Translation packages (*.docx *.xlf *.xliff)</translation>
    </message>
    <message>
        <source>Đang nhập bản dịch…</source>
        <translation>Importing translations…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>tạo mới</source>
        <translation>created</translation>
    </message>
    <message>
        <source>cập nhật</source>
        <translation>updated</translation>
    </message>
    <message>
        <source>không đổi</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <source>có vấn đề</source>
        <translation>problems</translation>
    </message>
    <message>
        <source> → bản tiếng Anh số {id}</source>
        <translation> → English version no. {id}</translation>
    </message>
    <message>
        <source>    chưa dịch {n} đoạn</source>
        <translation>    {n} segments not translated yet</translation>
    </message>
    <message>
        <source>Tạo mới {created}, cập nhật {updated}, không đổi {untouched}, có vấn đề {problem}.</source>
        <translation>Created {created}, updated {updated}, unchanged {untouched}, with problems {problem}.</translation>
    </message>
</context>
<context>
    <name>TranslationDialog</name>
    <message>
        <source>Tiêu đề</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Sapo</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Tác giả</source>
        <translation>Byline</translation>
    </message>
    <message>
        <source>Tiêu đề nhỏ</source>
        <translation>Heading</translation>
    </message>
    <message>
        <source>Đoạn</source>
        <translation>Paragraph</translation>
    </message>
    <message>
        <source>Mục liệt kê</source>
        <translation>List item</translation>
    </message>
    <message>
        <source>Trích dẫn</source>
        <translation>Quote</translation>
    </message>
    <message>
        <source>Ô bảng</source>
        <translation>Table cell</translation>
    </message>
    <message>
        <source>Chú thích ảnh</source>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Bản gốc và bản dịch</source>
        <translation>Original and translation</translation>
    </message>
    <message>
        <source>Tiếng Việt (bản gốc)</source>
        <translation>Vietnamese (original)</translation>
    </message>
    <message>
        <source>Tiếng Anh (bản dịch)</source>
        <translation>English (translation)</translation>
    </message>
    <message>
        <source>Mở bản gốc</source>
        <translation>Open the original</translation>
    </message>
    <message>
        <source>Mở bản dịch</source>
        <translation>Open the translation</translation>
    </message>
    <message>
        <source>Lưu bản dịch</source>
        <translation>Save translation</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Đang đọc…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>“{title}” (số {id}) chưa có bản dịch tiếng Anh.</source>
        <translation>“{title}” (no. {id}) has no English translation yet.</translation>
    </message>
    <message>
        <source>Bản gốc số {vi} “{vi_title}” — bản dịch số {en} (phiên bản {version})</source>
        <translation>Original no. {vi} “{vi_title}” — translation no. {en} (version {version})</translation>
    </message>
    <message>
        <source>Chưa dịch: đoạn này vẫn là bản gốc tiếng Việt</source>
        <translation>Not translated: this segment is still the Vietnamese original</translation>
    </message>
    <message>
        <source>{n} đoạn</source>
        <translation>{n} segments</translation>
    </message>
    <message>
        <source>Có thay đổi chưa lưu</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>_FileRow</name>
    <message>
        <source>Chọn…</source>
        <translation>Browse…</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Không mở được thư viện: {error}</source>
        <translation>Could not open the library: {error}</translation>
    </message>
    <message>
        <source>Mở thư viện mặc định trên máy này?</source>
        <translation>Open the default library on this computer?</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Đã xảy ra lỗi không mong đợi: {error}

Chi tiết đã được ghi vào {log}.</source>
        <translation>An unexpected error occurred: {error}

The details were written to {log}.</translation>
    </message>
    <message>
        <source>nhật ký</source>
        <translation>the log</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Bản nháp</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Đang biên tập</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>Đã duyệt</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Lưu trữ</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>Tiếng Việt</source>
        <translation>Vietnamese</translation>
    </message>
    <message>
        <source>Tiếng Anh</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Cần dịch</source>
        <translation>To translate</translation>
    </message>
    <message>
        <source>Đang dịch</source>
        <translation>Translating</translation>
    </message>
    <message>
        <source>Đã dịch</source>
        <translation>Translated</translation>
    </message>
    <message>
        <source>Bản dịch cũ</source>
        <translation>Translation outdated</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <source>{n} từ</source>
        <translation>{n} words</translation>
    </message>
    <message>
        <source>Ảnh</source>
        <translation>Picture</translation>
    </message>
</context>
</TS>
