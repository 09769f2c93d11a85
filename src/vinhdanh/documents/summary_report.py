"""A group's year-end summary report (báo cáo tổng kết) as a Word document, laid out as
Decree 30/2020/NĐ-CP asks: heading, "BÁO CÁO" and its subject, five parts (I. general
situation, II. results with the movements, pledge, ranking, commendation and handover,
III. limitations, IV. direction for next year, V. proposals), the signature of the leader
unit for the group, and an annex listing everyone honoured.

Plain dataclasses in (``documents.summary_content``), bytes out: this module knows no
model. The text is Vietnamese document content, written here and not translated. A table
with no rows is never drawn: a sentence says there is nothing to show.
"""

import datetime as dt
from decimal import Decimal

from django.utils import numberformat

from vinhdanh.core import wordlayout as w
from vinhdanh.documents.summary_content import (
    Commendation,
    HonourCount,
    MovementResult,
    Ranking,
    Recipient,
    ReportContent,
    Share,
)

MOVEMENT_WIDTHS = [14, 66, 25, 20, 20, 20]
RANKING_WIDTHS = [22, 103, 40]
PROPOSAL_WIDTHS = [16, 46, 42, 35, 26]
COUNT_WIDTHS = [14, 71, 20, 20, 20, 20]
ANNEX_WIDTHS = [13, 44, 44, 31, 33]
SUBJECTS = (("collective", "Tập thể"), ("individual", "Cá nhân"), ("household", "Hộ gia đình"))
ROMAN = ("I", "II", "III")


def summary_docx(report: ReportContent) -> bytes:
    """The report as .docx bytes."""
    doc = w.new_document()
    doc.core_properties.title = f"Báo cáo: {report.letter.title}"
    _opening(doc, report)
    _situation(doc, report)
    _results(doc, report)
    _closing_parts(doc, report)
    letter = report.letter
    w.signatures(doc, w.Recipients(list(letter.recipients)),
                 w.Signer(letter.signer_title, letter.signer_name))
    if report.figures.commendation.recipients:
        doc.add_page_break()
        _annex(doc, report)
    return w.to_bytes(doc)


# -- numbers and dates, the Vietnamese way ----------------------------------------------------

def number(value) -> str:
    """1234.50 → "1.234,5"; None → "—"."""
    if value is None:
        return "—"
    value = Decimal(value).normalize()
    if value == value.to_integral():
        value = value.quantize(Decimal(1))
    return numberformat.format(value, ",", grouping=3, thousand_sep=".", force_grouping=True)


def percent(value: Decimal | None) -> str:
    return "—" if value is None else f"{number(value)}%"


def day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "…/…/…"


def reference(report: ReportContent) -> str:
    """ "25/BC-KTĐ"; blanks before the symbol while the report has no number."""
    letter = report.letter
    return f"{letter.number or '       '}/{letter.symbol}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _table(doc, headers, rows, widths_mm, **options):
    """A bordered table (``wordlayout.grid``) whose rows never break across pages."""
    from docx.oxml import OxmlElement

    table = w.grid(doc, headers, rows, widths_mm=widths_mm, **options)
    for row, data in zip(table.rows[1:], rows, strict=True):
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if isinstance(data, str):  # a heading row stays with its first line
            for para in row.cells[0].paragraphs:
                para.paragraph_format.keep_with_next = True
    return table


def _heading(doc, text: str, *, level: int = 1):
    """A part's heading, kept on the page of what follows it."""
    para = w.heading(doc, text, level=level)
    para.paragraph_format.keep_with_next = True
    return para


def _subheading(doc, text: str) -> None:
    """ "a) …": italic, kept on the page of what follows it."""
    w.paragraph(doc, text, italic=True).paragraph_format.keep_with_next = True


def _lead(doc, text: str):
    """The sentence that introduces a table, kept on the table's page."""
    para = w.paragraph(doc, text)
    para.paragraph_format.keep_with_next = True
    return para


def _text(doc, text: str) -> None:
    """A narrative section: one paragraph per line; dots to fill in when it is empty."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines or [w.DOTS]:
        w.paragraph(doc, line)


def _sentence(doc, text: str) -> None:
    w.paragraph(doc, text)


# -- heading and part I -------------------------------------------------------------------

def _opening(doc, report: ReportContent) -> None:
    letter = report.letter
    date_line = (w.vietnamese_date(letter.dated, letter.place) if letter.dated
                 else w.blank_date(report.figures.year, letter.place))
    w.national_heading(doc, letter.issuer_upper, letter.issuer, f"Số: {reference(report)}",
                       date_line)
    w.document_title(doc, "Báo cáo", letter.title)


def _situation(doc, report: ReportContent) -> None:
    _heading(doc, "I. TÌNH HÌNH CHUNG")
    members = report.figures.members
    if members:
        _sentence(doc, f"{report.group} năm {report.figures.year} gồm {len(members):02d} đơn vị "
                       f"thành viên: {', '.join(members)}.")
    _text(doc, report.narrative.situation)


# -- part II: results -----------------------------------------------------------------------

def _results(doc, report: ReportContent) -> None:
    figures = report.figures
    _heading(doc, "II. KẾT QUẢ THỰC HIỆN CÁC PHONG TRÀO THI ĐUA VÀ CÔNG TÁC KHEN THƯỞNG")
    if report.narrative.results.strip():
        _text(doc, report.narrative.results)
    _heading(doc, "1. Việc tổ chức các phong trào thi đua, cuộc vận động", level=2)
    _movements(doc, report, figures.movements)
    _heading(doc, "2. Việc ký kết và thực hiện giao ước thi đua", level=2)
    _pledge(doc, report)
    _heading(doc, "3. Kết quả chấm điểm, xếp hạng thi đua", level=2)
    _ranking(doc, report, figures.ranking)
    _heading(doc, "4. Công tác khen thưởng", level=2)
    _commendation(doc, report, figures.commendation)
    _heading(doc, f"5. Bàn giao nhiệm vụ {report.word} trưởng, {report.word} phó", level=2)
    _handover(doc, report)


def _movements(doc, report: ReportContent, movements: tuple[MovementResult, ...]) -> None:
    year = report.figures.year
    if not movements:
        _sentence(doc, f"Năm {year}, các đơn vị trong {report.word} không có phong trào thi "
                       "đua, cuộc vận động nào được ghi nhận trên hệ thống.")
        return
    campaigns = sum(1 for m in movements if m.campaign)
    _lead(doc, f"Năm {year}, các đơn vị trong {report.word} đã triển khai thực hiện "
                   f"{len(movements) - campaigns:02d} phong trào thi đua và {campaigns:02d} "
                   "cuộc vận động; kết quả các chỉ tiêu tổng hợp từ báo cáo năm của các đơn "
                   "vị như sau:")
    rows = []
    for index, movement in enumerate(movements, start=1):
        rows.append(_movement_heading(index, movement))
        rows.extend(_target_rows(index, movement))
    _table(doc, ["STT", "Phong trào, cuộc vận động / chỉ tiêu", "Đơn vị tính", "Kế hoạch",
                 "Thực hiện", "Tỷ lệ"], rows, MOVEMENT_WIDTHS, centred=(0, 2, 3, 4, 5))
    _missing(doc, movements)


def _movement_heading(index: int, movement: MovementResult) -> str:
    kind = "Cuộc vận động" if movement.campaign else "Phong trào thi đua"
    reported = movement.participants - len(movement.missing)
    return (f"{index}. {kind} “{movement.name}” ({movement.launched_by} phát động; "
            f"{reported}/{movement.participants} đơn vị báo cáo)")


def _target_rows(index: int, movement: MovementResult) -> list:
    if not movement.targets:
        return [["", "Không có chỉ tiêu định lượng", "", "", "", ""]]
    return [[f"{index}.{n}", target.name, target.measure, number(target.planned),
             number(target.achieved), percent(target.percent)]
            for n, target in enumerate(movement.targets, start=1)]


def _missing(doc, movements) -> None:
    late = [m for m in movements if m.missing]
    if not late:
        _sentence(doc, "Tất cả các đơn vị tham gia đã gửi báo cáo kết quả năm.")
        return
    _lead(doc, "Các đơn vị chưa gửi báo cáo kết quả năm:")
    for index, movement in enumerate(late, start=1):
        end = "." if index == len(late) else ";"
        w.paragraph(doc, f"- “{movement.name}”: {', '.join(movement.missing)}{end}")


def _pledge(doc, report: ReportContent) -> None:
    pledge = report.figures.pledge
    if pledge is None:
        _sentence(doc, f"{report.word} chưa ghi nhận giao ước thi đua năm "
                       f"{report.figures.year} trên hệ thống.")
    elif pledge.units:
        signed = f" ngày {day(pledge.signed_on)}" if pledge.signed_on else ""
        _sentence(doc, f"Giao ước thi đua năm {report.figures.year} được ký kết{signed} giữa "
                       f"{len(pledge.units):02d} đơn vị: {', '.join(pledge.units)}.")
    _text(doc, report.narrative.pledge)


def _ranking(doc, report: ReportContent, ranking: Ranking | None) -> None:
    if ranking is None or not ranking.rows:
        _sentence(doc, f"{report.word} chưa công bố kết quả chấm điểm, xếp hạng năm "
                       f"{report.figures.year}.")
        return
    again = f" (công bố lại lần {ranking.revision}: {ranking.reason})" if ranking.reason else (
        f" (lần công bố thứ {ranking.revision})" if ranking.revision > 1 else "")
    _lead(doc, f"Kết quả chấm điểm, xếp hạng thi đua năm {report.figures.year} được "
                   f"{report.word} công bố ngày {day(ranking.published_on)}{again}:")
    rows = [[str(row.rank), row.unit, number(row.score)] for row in ranking.rows]
    _table(doc, ["Xếp hạng", "Đơn vị", "Tổng điểm"], rows, RANKING_WIDTHS, centred=(0, 2))


# -- part II.4: commendation ----------------------------------------------------------------

def _commendation(doc, report: ReportContent, commendation: Commendation) -> None:
    _proposals(doc, report, commendation)
    _dossiers(doc, report, commendation.dossiers)
    _granted(doc, report, commendation)
    _share(doc, commendation.share, commendation.previous)


def _proposals(doc, report, commendation: Commendation) -> None:
    _subheading(doc, "a) Đề nghị khen thưởng từ kết quả xếp hạng")
    if not commendation.proposals:
        _sentence(doc, "Chưa có đề nghị khen thưởng từ kết quả xếp hạng của "
                       f"{report.word}.")
        return
    _lead(doc, f"Hội nghị tổng kết {report.word} đã biểu quyết đề nghị khen thưởng "
                   "các đơn vị dẫn đầu như sau:")
    rows = [[str(p.rank), p.unit, p.honour, _votes(p.vote), _verdict(p)]
            for p in commendation.proposals]
    _table(doc, ["Hạng", "Đơn vị", "Hình thức đề nghị",
                 "Biểu quyết (đồng ý / không đồng ý / không biểu quyết)", "Kết quả"],
           rows, PROPOSAL_WIDTHS, centred=(0, 3, 4))


def _votes(vote) -> str:
    return "—" if vote is None else f"{vote.agree} / {vote.disagree} / {vote.abstain}"


def _verdict(proposal) -> str:
    if proposal.withdrawn:
        return "Đã rút"
    if proposal.vote is None:
        return "Chưa biểu quyết"
    return "Thông qua" if proposal.vote.approved else "Không thông qua"


def _count_rows(counts: tuple[HonourCount, ...]) -> list:
    rows = [[str(n), c.honour, str(c.collectives), str(c.individuals), str(c.households),
             str(c.total)] for n, c in enumerate(counts, start=1)]
    totals = [sum(getattr(c, name) for c in counts)
              for name in ("collectives", "individuals", "households", "total")]
    return [*rows, ["", "Tổng cộng", *(str(t) for t in totals)]]


def _count_table(doc, counts: tuple[HonourCount, ...]) -> None:
    table = _table(doc, ["STT", "Hình thức khen thưởng", "Tập thể", "Cá nhân", "Hộ gia đình",
                         "Tổng số"], _count_rows(counts), COUNT_WIDTHS, centred=(0, 2, 3, 4, 5))
    for cell in table.rows[-1].cells:  # the total row in bold
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _dossiers(doc, report, dossiers: tuple[HonourCount, ...]) -> None:
    _subheading(doc, "b) Hồ sơ đề nghị khen thưởng")
    year = report.figures.year
    if not dossiers:
        _sentence(doc, f"Các đơn vị trong {report.word} chưa gửi hồ sơ đề nghị khen thưởng "
                       f"nào cho năm {year} qua hệ thống.")
        return
    total = sum(c.total for c in dossiers)
    _lead(doc, f"Các đơn vị trong {report.word} đã đề nghị khen thưởng {total:02d} hồ sơ "
                   f"cho thành tích năm {year}:")
    _count_table(doc, dossiers)


def _granted(doc, report, commendation: Commendation) -> None:
    _subheading(doc, "c) Kết quả khen thưởng")
    year = report.figures.year
    if not commendation.granted:
        _sentence(doc, f"Trong năm {year}, chưa có quyết định khen thưởng nào cho các tập "
                       f"thể, cá nhân thuộc {report.word}.")
        return
    total = sum(c.total for c in commendation.granted)
    _lead(doc, f"Trong năm {year}, các tập thể, cá nhân thuộc {report.word} được khen "
                   f"thưởng {total:02d} lượt (danh sách chi tiết tại Phụ lục kèm theo):")
    _count_table(doc, commendation.granted)


def _share(doc, share: Share, previous: Share | None) -> None:
    _subheading(doc, "d) Khen thưởng người lao động trực tiếp")
    if not share.individuals:
        _sentence(doc, f"Năm {share.year} không có lượt cá nhân nào được khen thưởng.")
        return
    text = (f"Trong {share.individuals} lượt cá nhân được khen thưởng năm {share.year}, có "
            f"{share.direct} lượt là người lao động trực tiếp, chiếm {percent(share.percent)}")
    _sentence(doc, text + _compared(share, previous) + ".")


def _compared(share: Share, previous: Share | None) -> str:
    if previous is None or previous.percent is None:
        return ""
    change = share.percent - previous.percent
    trend = ("tăng" if change > 0 else "giảm") + f" {number(abs(change))} điểm phần trăm"
    return (f"; năm {previous.year}: {previous.direct}/{previous.individuals} lượt "
            f"({percent(previous.percent)}), " + (trend if change else "không thay đổi"))


def _handover(doc, report: ReportContent) -> None:
    handover, word = report.figures.handover, report.word
    if handover is None:
        _sentence(doc, f"Chưa ghi nhận việc bàn giao nhiệm vụ {word} trưởng năm "
                       f"{report.figures.year + 1}.")
        return
    when = f"Tại Hội nghị tổng kết ngày {day(handover.held_on)}, " if handover.held_on else ""
    outgoing = f"{handover.outgoing_leader} ({word} trưởng năm {report.figures.year})"
    text = (f"{when}{outgoing} bàn giao nhiệm vụ {word} trưởng năm {handover.next_year} cho "
            f"{handover.incoming_leader}")
    if handover.incoming_deputy:
        text += f"; {handover.incoming_deputy} làm {word} phó"
    _sentence(doc, _capital(text) + ".")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- parts III to V and the annex ---------------------------------------------------------

def _closing_parts(doc, report: ReportContent) -> None:
    year, narrative = report.figures.year, report.narrative
    _heading(doc, "III. TỒN TẠI, HẠN CHẾ")
    _text(doc, narrative.limitations)
    _heading(doc, f"IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM {year + 1}")
    _text(doc, narrative.directions)
    _heading(doc, "V. ĐỀ XUẤT, KIẾN NGHỊ")
    _text(doc, narrative.proposals)
    _sentence(doc, f"Trên đây là báo cáo {_lower_first(report.letter.title)} của "
                   f"{report.group}./.")


def _annex(doc, report: ReportContent) -> None:
    year = report.figures.year
    w.paragraph(doc, "PHỤ LỤC", bold=True, align="center", indent=False, after=0)
    w.paragraph(doc, f"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG NĂM {year}", bold=True,
                align="center", indent=False, after=0)
    dated = f" ngày {day(report.letter.dated)}" if report.letter.dated else ""
    w.paragraph(doc, f"(Kèm theo Báo cáo số {reference(report)}{dated} của {report.group})",
                italic=True, align="center", indent=False, after=0)
    w.rule(doc, 30, w.TEXT_WIDTH_MM)
    w.paragraph(doc, "", indent=False, after=0)
    _table(doc, ["STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị", "Hình thức khen thưởng",
                 "Số, ngày quyết định"], annex_rows(report.figures.commendation.recipients),
           ANNEX_WIDTHS, size=12)


def annex_rows(recipients: tuple[Recipient, ...]) -> list:
    """The annex rows: a heading per kind of recipient (I. Tập thể …), numbered rows."""
    rows, part = [], 0
    for subject, heading in SUBJECTS:
        chosen = [r for r in recipients if r.subject == subject]
        if chosen:
            rows.append(f"{ROMAN[part]}. {heading.upper()}")
            part += 1
            rows.extend([str(n), r.name, r.detail, r.honour, r.decision]
                        for n, r in enumerate(chosen, start=1))
    return rows
