"""The decision as a Word document, laid out as Decree 30/2020/NĐ-CP asks (Appendix I and
form 1.4, an individual decision): heading, title and subject, the deciding authority, the
legal bases, three articles, the signature and, for an award, the annex listing every
recipient with the bonus; a revocation names what it revokes in its first article.

The text is Vietnamese document content, written here and not translated. A draft (no
number yet) prints a blank number and a blank date for the signer's office to fill in.
"""

from itertools import groupby

from vinhdanh.core import wordlayout as w
from vinhdanh.decisions.enums import GROUND_TEXT, DecisionKind
from vinhdanh.decisions.services.issuing import authority_in_text, reference_line
from vinhdanh.honors.enums import SubjectKind
from vinhdanh.honors.services.bonuses import format_vnd
from vinhdanh.nominations.documents import common as c
from vinhdanh.nominations.documents.letter import roman

# How a group of recipients is counted and headed, in the order the annex lists them.
SUBJECTS = ((SubjectKind.COLLECTIVE, "tập thể", "Tập thể"),
            (SubjectKind.INDIVIDUAL, "cá nhân", "Cá nhân"),
            (SubjectKind.HOUSEHOLD, "hộ gia đình", "Hộ gia đình"))
ANNEX_WIDTHS = [14, 56, 62, 33]
UNCONFIRMED, UNPAID = "(*)", "(**)"
UNCONFIRMED_NOTE = "(*) Mức thưởng theo quy định chưa được xác nhận."
UNPAID_NOTE = ("(**) Không chi tiền thưởng theo quy định: trong cùng một thời gian chỉ nhận "
               "tiền thưởng của danh hiệu cao nhất, hoặc hình thức không kèm tiền thưởng.")
FUND = "Quỹ Thi đua, khen thưởng của tỉnh"
IMPLEMENTERS = ("Chánh Văn phòng {issuer}, Trưởng Ban Thi đua - Khen thưởng tỉnh, Thủ trưởng "
                "các cơ quan, đơn vị có liên quan và {who} có tên tại Điều 1 chịu trách nhiệm "
                "thi hành Quyết định này./.")
DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 10**9


def decision_docx(decision) -> bytes:
    """``decision`` (award or revocation, draft or issued) as .docx bytes."""
    entries = _entries(decision)
    doc = w.new_document()
    doc.core_properties.title = f"Quyết định: {decision.subject}"
    _opening(doc, decision)
    if decision.kind == DecisionKind.REVOCATION:
        _revocation_articles(doc, decision, entries)
    else:
        _award_articles(doc, decision, entries)
    w.signatures(doc, w.Recipients(_lines(decision.copies_to)), _signer(decision))
    if decision.kind != DecisionKind.REVOCATION:
        doc.add_page_break()
        _annex(doc, decision, entries)
    return w.to_bytes(doc)


def _entries(decision) -> list:
    return list(decision.entries.select_related("honor", "revokes__decision__issuer"))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


# -- heading, title, legal bases ------------------------------------------------------------

def number_line(decision) -> str:
    """ "Số: 12/QĐ-UBND"; blanks before the symbol while the decision has no number."""
    if decision.number:
        return f"Số: {decision.reference}"
    return f"Số:        /{decision.issuer.symbol}"


def date_line(decision) -> str:
    """The place and the signing date; blank-dated until the decision is issued."""
    place = decision.issuer.place
    if decision.number:
        return w.vietnamese_date(decision.decided_on, place)
    return w.blank_date(decision.decided_on.year, place)


def _opening(doc, decision) -> None:
    issuer = decision.issuer
    w.national_heading(doc, issuer.parent_heading, issuer.heading, number_line(decision),
                       date_line(decision))
    w.document_title(doc, "Quyết định", decision.subject)
    w.paragraph(doc, issuer.authority.upper(), bold=True, align="center", indent=False,
                after=12)
    for basis in _bases(decision):
        w.paragraph(doc, basis, italic=True)  # ND 30: the bases are italic
    w.paragraph(doc, "QUYẾT ĐỊNH:", bold=True, align="center", indent=False, before=6,
                after=12)


def _bases(decision) -> list[str]:
    """The legal bases, then the proposal; the last line ends the sentence with "."."""
    lines = _lines(decision.legal_bases) + _lines(decision.proposal)
    if lines:
        lines[-1] = lines[-1].rstrip(";,.") + "."
    return lines


def _article(doc, number: int, text: str):
    """ "Điều 1. …": the label bold, as ND 30 presents an article in a decision."""
    para = w.paragraph(doc)
    w.add_run(para, f"Điều {number}. ", bold=True)
    w.add_run(para, text)
    return para


def _signer(decision) -> w.Signer:
    """ "KT. CHỦ TỊCH" above "PHÓ CHỦ TỊCH", then the name."""
    title = "\n".join(part for part in (decision.signer_authority, decision.signer_title)
                      if part.strip())
    return w.Signer(title, decision.signer_name)


# -- who: counting recipients ---------------------------------------------------------------

def counts(entries) -> str:
    """ "01 tập thể và 02 cá nhân" (two digits, as decisions write small counts)."""
    return enumeration([f"{n:02d} {label}" for kind, label, _ in SUBJECTS
                        if (n := sum(1 for e in entries if e.subject == kind))])


def enumeration(parts: list[str]) -> str:
    """ "a", "a và b", "a, b và c"."""
    return " và ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else parts[0]


def who(entries) -> str:
    """ "các tập thể, cá nhân" (the kinds present), or "cá nhân" for a single recipient."""
    labels = [label for kind, label, _ in SUBJECTS if any(e.subject == kind for e in entries)]
    return ("các " if len(entries) > 1 else "") + ", ".join(labels)


def _by_honour(entries) -> list:
    ordered = sorted(entries, key=lambda e: (e.honor.position, e.honor.code, _rank(e)))
    return [(honor, list(rows)) for honor, rows in groupby(ordered, key=lambda e: e.honor)]


def _rank(entry) -> int:
    return [kind for kind, _, _ in SUBJECTS].index(entry.subject)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- an award -------------------------------------------------------------------------------

def _award_articles(doc, decision, entries) -> None:
    groups = _by_honour(entries)
    _first_article(doc, decision, groups)
    total = sum(e.bonus_amount for e in entries)
    honours = enumeration([_honour_object(honor) for honor, _ in groups])
    _article(doc, 2, f"Kèm theo {honours}, {who(entries)} có tên tại Điều 1 được thưởng "
                     "theo quy định của pháp luật về thi đua, khen thưởng.")
    if total:  # honours without a bonus (Gia đình văn hóa) leave nothing to pay
        w.paragraph(doc, f"Tổng số tiền thưởng: {format_vnd(total)} đồng (Bằng chữ: "
                         f"{_capital(amount_words(total))}), chi từ {FUND}.")
    _closing_article(doc, decision, entries)


def _first_article(doc, decision, groups) -> None:
    citation = decision.citation.strip().rstrip(".")
    tail = f", {c.lower_first(citation)}" if citation else ""
    if len(groups) == 1:
        honor, rows = groups[0]
        _article(doc, 1, f"{_capital(c.honour_phrase(honor))} cho {counts(rows)} có tên "
                         f"trong danh sách kèm theo{tail}.")
        return
    _article(doc, 1, f"Khen thưởng {who([e for _, rows in groups for e in rows])} có tên "
                     f"trong danh sách kèm theo{tail}, cụ thể:")
    last = len(groups)
    for index, (honor, rows) in enumerate(groups, start=1):
        end = "." if index == last else ";"
        w.paragraph(doc, f"{index}. {_capital(c.honour_phrase(honor))} cho "
                         f"{counts(rows)}{end}")


def _honour_object(honor) -> str:
    """What the recipient receives: "Bằng khen của …", "danh hiệu “Chiến sĩ thi đua …”"."""
    phrase = c.honour_phrase(honor)
    return phrase.removeprefix("tặng ").removeprefix("công nhận ")


def _closing_article(doc, decision, entries) -> None:
    _article(doc, 3, "Quyết định này có hiệu lực kể từ ngày ký.")
    w.paragraph(doc, IMPLEMENTERS.format(issuer=decision.issuer.name, who=who(entries)))


# -- a revocation ---------------------------------------------------------------------------

def _revocation_articles(doc, decision, entries) -> None:
    if len(entries) == 1:
        _article(doc, 1, f"Hủy bỏ việc {_revoked_line(entries[0])}")
    else:
        _article(doc, 1, "Hủy bỏ việc khen thưởng sau:")
        for index, entry in enumerate(entries, start=1):
            w.paragraph(doc, f"{index}. {_capital(_revoked_line(entry))}")
    _article(doc, 2, f"Thu hồi hiện vật khen thưởng và tiền thưởng đã nhận của {who(entries)} "
                     "có tên tại Điều 1:")
    last = len(entries)
    for index, entry in enumerate(entries, start=1):
        w.paragraph(doc, f"- {_recovery_line(entry)}{'.' if index == last else ';'}")
    total = sum(e.bonus_amount for e in entries)
    if total:
        w.paragraph(doc, f"Tổng số tiền thu hồi: {format_vnd(total)} đồng (Bằng chữ: "
                         f"{_capital(amount_words(total))}), nộp về {FUND}.")
    _closing_article(doc, decision, entries)


def _recipient(entry) -> str:
    detail = entry.recipient_detail.strip()
    return f"{entry.recipient_name}, {detail}" if detail else entry.recipient_name


def _revoked_line(entry) -> str:
    """ "tặng Bằng khen … cho Ông … tại Quyết định số …. Lý do: …": the honour, the
    recipient, the decision that granted it, the ground and the reason."""
    text = f"{c.honour_phrase(entry.honor)} cho {_recipient(entry)}"
    if entry.revokes_id:
        text += f" tại {reference_line(entry.revokes.decision)}"
    text += f". Lý do: {GROUND_TEXT.get(entry.ground, entry.ground)}"
    reason = entry.reason.strip().rstrip(".")
    return f"{text} ({reason})." if reason else f"{text}."


def _recovery_line(entry) -> str:
    money = (f" và số tiền thưởng {format_vnd(entry.bonus_amount)} đồng"
             if entry.bonus_amount else "")
    return f"{entry.recipient_name}: hiện vật khen thưởng ({entry.honor.name}){money}"


# -- the annex ------------------------------------------------------------------------------

def annex_reference(decision) -> str:
    """ "(Kèm theo Quyết định số 12/QĐ-UBND ngày 15/12/2026 của Chủ tịch …)"."""
    if decision.number:
        return f"(Kèm theo {reference_line(decision)})"
    return (f"(Kèm theo Quyết định số        /{decision.issuer.symbol} ngày      /     /"
            f"{decision.decided_on.year} của {authority_in_text(decision.issuer)})")


def _annex_name(decision) -> str:
    subject = decision.subject.strip()
    if subject.casefold().startswith("về việc "):
        return subject[len("về việc "):].upper()
    return "CÁC TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG"


def _annex(doc, decision, entries) -> None:
    w.paragraph(doc, "DANH SÁCH", bold=True, align="center", indent=False, after=0)
    w.paragraph(doc, _annex_name(decision), bold=True, align="center", indent=False, after=0)
    w.paragraph(doc, annex_reference(decision), italic=True, align="center", indent=False,
                after=0)
    w.rule(doc, 30, w.TEXT_WIDTH_MM)
    w.paragraph(doc, "", indent=False, after=0)
    rows, totals = annex_rows(_by_honour(entries))
    table = w.grid(doc, ["STT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị",
                         "Số tiền thưởng (đồng)"], rows, widths_mm=ANNEX_WIDTHS)
    _style_amounts(table, rows, totals)
    for note, shown in ((UNCONFIRMED_NOTE, any(not e.bonus_confirmed for e in entries)),
                        (UNPAID_NOTE, any(not e.bonus_paid for e in entries))):
        if shown:
            w.paragraph(doc, note, italic=True, size=12, indent=False, after=0)


def annex_rows(groups) -> tuple[list, set[int]]:
    """The table's rows (a string spans the row: a heading) and the indexes of the
    subtotal and total rows. Honours are numbered I, II…; a subtotal per honour when there
    are several."""
    rows, totals = [], set()
    for index, (honor, entries) in enumerate(groups, start=1):
        rows.append(f"{roman(index)}. {honor.name.upper()}")
        rows.extend(_subject_rows(entries))
        if len(groups) > 1:
            totals.add(len(rows))
            rows.append(["", f"Cộng {roman(index)}", "", _sum(entries)])
    totals.add(len(rows))
    rows.append(["", "Tổng cộng", "", _sum([e for _, group in groups for e in group])])
    return rows, totals


def _subject_rows(entries) -> list:
    rows = []
    kinds = [(kind, heading) for kind, _, heading in SUBJECTS
             if any(e.subject == kind for e in entries)]
    for number, (kind, heading) in enumerate(kinds, start=1):
        rows.append(f"{number}. {heading}")
        rows.extend([str(n), e.recipient_name, e.recipient_detail, amount_cell(e)]
                    for n, e in enumerate([e for e in entries if e.subject == kind], start=1))
    return rows


def amount_cell(entry) -> str:
    """The bonus in figures; "0 (**)" when not paid, "(*)" when not confirmed."""
    if not entry.bonus_paid:
        return f"0 {UNPAID}"
    amount = format_vnd(entry.bonus_amount)
    return amount if entry.bonus_confirmed else f"{amount} {UNCONFIRMED}"


def _sum(entries) -> str:
    return format_vnd(sum(e.bonus_amount for e in entries))


def _style_amounts(table, rows, totals) -> None:
    """Amounts right-aligned; subtotal and total rows bold. Row 0 is the header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for index, row in enumerate(rows):
        if isinstance(row, str):  # a merged heading: its one cell is every column
            continue
        cells = table.rows[index + 1].cells
        cells[3].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for cell in cells if index in totals else ():
            for run in cell.paragraphs[0].runs:
                run.bold = True


# -- amounts in words -----------------------------------------------------------------------

def amount_words(amount: int) -> str:
    """3510000 → "ba triệu năm trăm mười nghìn đồng" (the amount in words, as a decision
    repeats a sum of money)."""
    return " ".join(number_words(amount) + ["đồng"])


def number_words(number: int, *, inner: bool = False) -> list[str]:
    """The Vietnamese words of ``number``; ``inner`` for a part after a larger one, which
    reads its zero hundreds ("một triệu không trăm linh năm")."""
    if number == 0 and not inner:
        return [DIGITS[0]]
    if number >= BILLION:
        high, low = divmod(number, BILLION)
        return number_words(high, inner=inner) + ["tỷ"] + (
            number_words(low, inner=True) if low else [])
    words = []
    for scale, size in (("triệu", 10**6), ("nghìn", 10**3), ("", 1)):
        group, number = divmod(number, size)
        if group:
            words += _hundreds(group, full=inner or bool(words)) + ([scale] if scale else [])
    return words


def _hundreds(number: int, *, full: bool) -> list[str]:
    hundreds, tens, units = number // 100, number // 10 % 10, number % 10
    words = [DIGITS[hundreds], "trăm"] if hundreds or full else []
    if tens:
        words += ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    elif units and words:
        words.append("linh")
    if units:
        words.append(_unit(units, tens))
    return words


def _unit(units: int, tens: int) -> str:
    if units == 1 and tens > 1:
        return "mốt"
    if units == 5 and tens:
        return "lăm"
    return DIGITS[units]
