"""The submission letter (tờ trình, Mẫu 01 of the decree's appendix), pre-filled from the
batch: heading of the proposing unit, legal bases, the candidates by honour, signature."""

from itertools import groupby

from vinhdanh.core import wordlayout as w
from vinhdanh.nominations.documents import common as c
from vinhdanh.nominations.enums import CommendationType, NominationState

# Withdrawn and rejected candidates are no longer proposed by the letter.
LEFT_OUT = (NominationState.WITHDRAWN, NominationState.REJECTED)
LIST_WIDTHS = [14, 56, 50, 45]


def letter_nominations(batch) -> list:
    rows = (batch.nominations.exclude(state__in=LEFT_OUT)
            .select_related("honor", "person__unit", "unit__parent", "household__unit")
            .order_by("honor__position", "honor__code", "id"))
    return list(rows)


def number_line(batch) -> str:
    """ "Số: 15/TTr-HND"; blanks before "/TTr-<unit code>" while the letter has no number."""
    number = batch.letter_number.strip()
    if not number:
        return f"Số:        /TTr-{batch.proposing_unit.code}"
    return f"Số: {number}" if "/" in number else f"Số: {number}/TTr-{batch.proposing_unit.code}"


def _counts(nominations) -> str:
    people = sum(1 for n in nominations if n.person_id)
    units = sum(1 for n in nominations if n.unit_id)
    households = len(nominations) - people - units
    parts = [(units, "tập thể"), (people, "cá nhân"), (households, "hộ gia đình")]
    return ", ".join(f"{count:02d} {label}" for count, label in parts if count)


def _by_honour(nominations):
    return [(honor, list(rows)) for honor, rows in groupby(nominations, key=lambda n: n.honor)]


def _body(doc, batch, groups, addressee: str) -> None:
    unit = batch.proposing_unit
    w.paragraph(doc, f"Kính gửi: {addressee}", align="center", indent=False, after=12)
    day = batch.letter_date or c.today()
    for basis in c.legal_bases(day):
        w.paragraph(doc, f"Căn cứ {basis};", italic=True)
    if batch.movement_id:
        w.paragraph(doc, f"Căn cứ kết quả phong trào thi đua “{batch.movement.name}”;", italic=True)
    w.paragraph(doc, f"Căn cứ kết quả họp xét thi đua, khen thưởng năm {batch.year} của "
                     f"{unit.name},", italic=True)
    w.paragraph(doc, f"{unit.name} kính trình {addressee} xem xét, đề nghị "
                     "khen thưởng cho các tập thể, cá nhân có thành tích như sau:")
    for index, (honor, rows) in enumerate(groups, start=1):
        w.paragraph(doc, f"{index}. Đề nghị {c.honour_phrase(honor)}: {_counts(rows)}.")
    _candidates_table(doc, groups)
    w.paragraph(doc, "(Có biên bản họp xét và báo cáo thành tích kèm theo)", italic=True)
    w.paragraph(doc, f"Kính trình {addressee} xem xét, quyết định./.")


def _candidates_table(doc, groups) -> None:
    rows = []
    for index, (honor, nominations) in enumerate(groups, start=1):
        rows.append(f"{roman(index)}. {honor.name}")
        rows.extend([str(number), c.candidate_name(n), c.candidate_place(n), honor.name]
                    for number, n in enumerate(nominations, start=1))
    w.paragraph(doc, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", bold=True, align="center", indent=False)
    w.grid(doc, ["STT", "Họ và tên cá nhân / tên tập thể", "Chức vụ, đơn vị công tác",
                 "Hình thức đề nghị"], rows, widths_mm=LIST_WIDTHS)


def roman(number: int) -> str:
    numerals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, letters in numerals:
        while number >= value:
            out, number = out + letters, number - value
    return out


def submission_letter(batch) -> bytes:
    """The tờ trình of ``batch`` as .docx bytes, ready to edit in Word and sign."""
    unit = batch.proposing_unit
    groups = _by_honour(letter_nominations(batch))
    addressee = ("Hội đồng Thi đua - Khen thưởng "
                 f"{c.lower_first(c.province_name(unit))}")
    doc = w.new_document()
    doc.core_properties.title = f"Tờ trình: {batch.title}"
    w.national_heading(doc, c.superior_of(unit), unit.name, number_line(batch),
                       c.date_line(unit, batch.letter_date))
    w.document_title(doc, "Tờ trình", f"Về việc đề nghị khen thưởng {_subject(batch)}")
    _body(doc, batch, groups, addressee)
    w.signatures(doc, w.Recipients(["Như trên", f"Lưu: VT, {unit.code}"]),
                 w.Signer(batch.signer_title, batch.signer_name))
    return w.to_bytes(doc)


def _subject(batch) -> str:
    """What the commendation is for, by the batch's commendation type (Law Art 2)."""
    return {
        CommendationType.ANNUAL: f"tổng kết năm {batch.year}",
        CommendationType.THEMATIC: (f"theo chuyên đề “{batch.movement.name}”" if batch.movement_id
                                    else f"theo chuyên đề năm {batch.year}"),
        CommendationType.AD_HOC: f"đột xuất năm {batch.year}",
        CommendationType.LONG_SERVICE: "quá trình cống hiến",
        CommendationType.FOREIGN: "cho người nước ngoài",
    }.get(batch.commendation_type, f"năm {batch.year}")
