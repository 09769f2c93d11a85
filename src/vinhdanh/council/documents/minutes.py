"""The minutes of a council session (biên bản họp Hội đồng Thi đua - Khen thưởng tỉnh).

Secrecy: the minutes name the members (attendance, recusals: both are public) and give
each closed ballot's counts; no member's name ever stands beside a choice, because no choice
of a member is stored. The text is Vietnamese document content, written here directly and
not translated.
"""

from vinhdanh.core import wordlayout as w
from vinhdanh.council.enums import ItemState, MemberRole
from vinhdanh.council.services.sessions import quorum
from vinhdanh.nominations.documents import common as c
from vinhdanh.organisations.models import Unit

ROLE_WORDS = {MemberRole.CHAIR: "Chủ tịch Hội đồng", MemberRole.VICE_CHAIR: "Phó Chủ tịch",
              MemberRole.MEMBER: "Ủy viên"}
ROLE_ORDER = {MemberRole.CHAIR: 0, MemberRole.VICE_CHAIR: 1, MemberRole.MEMBER: 2}
MEMBER_WIDTHS = [14, 55, 68, 28]
RESULT_WIDTHS = [14, 50, 46, 25, 30]


def _province() -> Unit | None:
    return Unit.objects.filter(parent__isnull=True).order_by("id").first()


def _attendance(session) -> list:
    rows = session.attendance.select_related("member")
    # The council's own order: by role, then as the members were appointed.
    return sorted(rows, key=lambda row: (ROLE_ORDER.get(row.member.role, 9), row.member.pk))


def _items(session) -> list:
    return list(session.items.select_related(
        "nomination__honor", "nomination__batch__proposing_unit", "nomination__person__unit",
        "nomination__unit__parent", "nomination__household__unit")
        .prefetch_related("recusals__member").order_by("position", "id"))


def _chair(rows):
    """The chair presides; a vice-chair when the chair is absent."""
    present = [row.member for row in rows if row.present]
    for role in (MemberRole.CHAIR, MemberRole.VICE_CHAIR):
        found = [member for member in present if member.role == role]
        if found:
            return found[0]
    return None


def _member_line(member) -> str:
    return ", ".join(part for part in (member.name, member.position) if part)


def _opening(doc, session, rows) -> None:
    chair = _chair(rows)
    w.heading(doc, "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN")
    w.labelled(doc, "1. Thời gian", w.vietnamese_date(session.held_on, "")[2:].capitalize())
    w.labelled(doc, "2. Địa điểm", session.place)
    w.labelled(doc, "3. Chủ trì", _member_line(chair) if chair else "")
    w.labelled(doc, "4. Thư ký", session.secretary.full_name or str(session.secretary))
    w.paragraph(doc, "5. Thành viên Hội đồng:")
    table = [[str(number), row.member.name, row.member.position
              or ROLE_WORDS.get(row.member.role, ""), "Có mặt" if row.present else "Vắng mặt"]
             for number, row in enumerate(rows, start=1)]
    w.grid(doc, ["STT", "Họ và tên", "Chức vụ", "Dự họp"], table, widths_mm=MEMBER_WIDTHS,
           centred=(0, 3))
    w.paragraph(doc, _quorum_sentence(quorum(session)))


def _quorum_sentence(found) -> str:
    verdict = ("Phiên họp đủ điều kiện tiến hành." if found.met
               else "Phiên họp không đủ số thành viên tối thiểu để tiến hành.")
    basis = f" ({found.article})" if found.article else ""
    unconfirmed = "" if found.confirmed else " – quy định chưa được xác nhận"
    return (f"Có mặt {found.present}/{found.members} thành viên Hội đồng; số thành viên có "
            f"mặt tối thiểu theo quy định là {found.needed}{basis}{unconfirmed}. {verdict}")


def _item(doc, number: int, item) -> None:
    nomination = item.nomination
    place = c.candidate_place(nomination)
    w.heading(doc, f"{number}. Xét đề nghị {c.honour_phrase(nomination.honor)} cho "
                   f"{c.candidate_name(nomination)}" + (f" ({place})" if place else ""),
              level=2)
    w.labelled(doc, "- Đơn vị đề nghị", nomination.batch.proposing_unit.name)
    recusals = list(item.recusals.all())
    if recusals or item.state != ItemState.PENDING:  # automatic ones come when voting opens
        _recusals(doc, recusals)
    if item.state == ItemState.CLOSED:
        _tally(doc, item)
    else:
        w.paragraph(doc, "- Hồ sơ chưa được biểu quyết tại phiên họp.")


def _recusals(doc, recusals) -> None:
    """Who did not take part, and why (public); each on a line of its own, apart from the
    tally."""
    if not recusals:
        w.paragraph(doc, "- Không có thành viên không tham gia biểu quyết.")
        return
    w.paragraph(doc, "- Thành viên không tham gia biểu quyết:")
    for recusal in recusals:
        w.paragraph(doc, f"+ {recusal.member.name}: {recusal.reason.rstrip('.')}.")


def _tally(doc, item) -> None:
    written = item.receipts.filter(written=True).count()
    counted = item.agree + item.disagree + item.abstain
    w.paragraph(doc, f"- Kết quả bỏ phiếu kín: {counted} phiếu"
                     + (f" (trong đó {written} phiếu bằng văn bản)" if written else "")
                     + f"; {item.agree} phiếu đồng ý, {item.disagree} phiếu không đồng ý, "
                       f"{item.abstain} phiếu không có ý kiến.")
    w.paragraph(doc, f"- Số thành viên tính tỷ lệ: {item.voters}; số phiếu đồng ý cần đạt: "
                     f"{item.needed} ({item.rule}).")
    w.paragraph(doc, f"- Kết quả: {_outcome(item)}.", bold=True)


def _outcome(item) -> str:
    return "được thông qua" if item.approved else "không được thông qua"


def _summary(doc, items) -> None:
    w.heading(doc, "III. TỔNG HỢP KẾT QUẢ")
    rows = []
    for number, item in enumerate(items, start=1):
        voted = item.state == ItemState.CLOSED
        rows.append([str(number), c.candidate_name(item.nomination), item.nomination.honor.name,
                     f"{item.agree}/{item.voters}" if voted else "",
                     _outcome(item).capitalize() if voted else "Chưa biểu quyết"])
    w.grid(doc, ["STT", "Cá nhân, tập thể", "Hình thức đề nghị", "Số phiếu đồng ý",
                 "Kết quả"], rows, widths_mm=RESULT_WIDTHS, centred=(0, 3))


def session_minutes(session) -> bytes:
    """The minutes of ``session`` as .docx bytes, to check, sign and file. Changes nothing."""
    province = _province()
    province_name = province.name if province else ""
    rows = _attendance(session)
    items = _items(session)
    chair = _chair(rows)
    doc = w.new_document()
    doc.core_properties.title = f"Biên bản: {session.title}"
    w.national_heading(doc, f"UBND {province_name}" if province_name else "",
                       "Hội đồng Thi đua - Khen thưởng", "Số:        /BB-HĐTĐKT",
                       w.vietnamese_date(session.held_on,
                                         c.place_of(province) if province else ""))
    w.document_title(doc, "Biên bản",
                     f"Họp Hội đồng Thi đua - Khen thưởng {c.lower_first(province_name)}")
    _opening(doc, session, rows)
    w.heading(doc, "II. NỘI DUNG")
    w.paragraph(doc, f"Hội đồng xem xét {len(items)} hồ sơ đề nghị khen thưởng do Ban Thi đua "
                     "- Khen thưởng trình; việc biểu quyết được thực hiện bằng hình thức bỏ "
                     "phiếu kín.")
    for number, item in enumerate(items, start=1):
        _item(doc, number, item)
    _summary(doc, items)
    w.paragraph(doc, "Biên bản đã được đọc lại và thông qua trước các thành viên dự họp./.")
    w.signatures(doc, w.Signer("Thư ký", session.secretary.full_name or ""),
                 w.Signer("Chủ tọa", chair.name if chair else ""))
    return w.to_bytes(doc)
