"""Achievement reports (báo cáo thành tích), pre-filled from the registry and the history:

- a person: the individual form (Mẫu 03 of ND 98; its successor in ND 152): I. SƠ LƯỢC LÝ
  LỊCH, II. THÀNH TÍCH ĐẠT ĐƯỢC, III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG;
- a collective (a unit): the collective form (Mẫu 02): I. ĐẶC ĐIỂM, TÌNH HÌNH, II. THÀNH
  TÍCH ĐẠT ĐƯỢC, III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT;
- a household: a short variant of the same;
- the brief report (báo cáo tóm tắt thành tích) of the simplified procedure (Law Art 85).

Lines the system cannot know are dotted, with the form's guidance in italics, so the unit
completes them in Word and uploads the file back.
"""

from vinhdanh.core import wordlayout as w
from vinhdanh.nominations.documents import common as c

HEAD_SIGNER = w.Signer("Thủ trưởng đơn vị\nxác nhận, đề nghị", note="(Ký, đóng dấu)")


def _load(nomination):
    """The nomination with what the report reads, in one query."""
    from vinhdanh.nominations.models import Nomination

    return (Nomination.objects
            .select_related("honor", "batch__proposing_unit", "person__unit", "unit__parent",
                            "household__unit")
            .get(pk=nomination.pk))


def _title(doc, nomination, name: str = "Báo cáo thành tích") -> None:
    w.document_title(doc, name, f"Đề nghị {c.honour_phrase(nomination.honor)}")


def _achievements(doc, nomination, guidance: str) -> None:
    """Section II: the summary kept with the nomination, then room for the full account."""
    if nomination.summary:
        for line in nomination.summary.splitlines():
            if line.strip():
                w.paragraph(doc, line.strip())
    w.paragraph(doc, guidance, italic=True)
    w.paragraph(doc, w.DOTS * 4, indent=False)


def _initiatives(doc, candidate, number: int) -> None:
    rows = c.initiative_rows(candidate)
    if rows:
        w.heading(doc, f"{number}. Sáng kiến, đề tài khoa học, giải pháp đã được công nhận",
                  level=2)
        w.grid(doc, ["Năm", "Tên sáng kiến, đề tài", "Cấp công nhận", "Cơ quan công nhận"],
               rows, widths_mm=[18, 80, 30, 37])


# -- a person -----------------------------------------------------------------------------

def _person_profile(doc, person) -> None:
    w.heading(doc, "I. SƠ LƯỢC LÝ LỊCH")
    birth = f"{person.date_of_birth:%d/%m/%Y}" if person.date_of_birth else ""
    for label, value in (
        ("- Họ và tên", person.full_name),
        ("- Giới tính", c.GENDERS.get(person.gender, "")),
        ("- Ngày, tháng, năm sinh", birth),
        ("- Quê quán", ""),
        ("- Trú quán", ""),
        ("- Đơn vị công tác", person.unit.name),
        ("- Chức vụ (Đảng, chính quyền, đoàn thể)", person.position),
        ("- Trình độ chuyên môn, nghiệp vụ", ""),
        ("- Học hàm, học vị, danh hiệu, giải thưởng", ""),
    ):
        w.labelled(doc, label, value)


def _person_report(doc, nomination) -> None:
    person = nomination.person
    w.national_heading(doc, "", "", "", c.date_line(person.unit, None))
    _title(doc, nomination)
    _person_profile(doc, person)
    w.heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    w.heading(doc, "1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận", level=2)
    w.paragraph(doc, w.DOTS * 4, indent=False)
    w.heading(doc, "2. Thành tích đạt được của cá nhân", level=2)
    _achievements(doc, nomination, "(Nêu thành tích cụ thể trong việc thực hiện nhiệm vụ được "
                                   "giao; các giải pháp công tác, sáng kiến, đề tài khoa học; "
                                   "việc đổi mới công tác quản lý, cải cách hành chính…)")
    _initiatives(doc, person, 3)
    w.heading(doc, "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG")
    c.history_section(doc, person)
    w.signatures(doc, HEAD_SIGNER, w.Signer("Người báo cáo thành tích", person.full_name,
                                            note="(Ký, ghi rõ họ và tên)"))


# -- a collective -------------------------------------------------------------------------

def _unit_report(doc, nomination) -> None:
    unit = nomination.unit
    w.national_heading(doc, c.superior_of(unit), unit.name, "", c.date_line(unit, None))
    _title(doc, nomination)
    w.paragraph(doc, unit.name, bold=True, align="center", indent=False, after=12)
    w.heading(doc, "I. ĐẶC ĐIỂM, TÌNH HÌNH")
    w.heading(doc, "1. Đặc điểm, tình hình", level=2)
    w.labelled(doc, "- Tên đơn vị", unit.name)
    w.labelled(doc, "- Đơn vị cấp trên trực tiếp", unit.parent.name if unit.parent_id else "")
    w.labelled(doc, "- Địa điểm trụ sở chính, điện thoại, địa chỉ trang tin điện tử", "")
    w.labelled(doc, "- Quá trình thành lập và phát triển", "")
    w.labelled(doc, "- Chức năng, nhiệm vụ; cơ cấu tổ chức, số lượng cán bộ", "")
    w.heading(doc, "2. Tổ chức Đảng, đoàn thể", level=2)
    w.paragraph(doc, w.DOTS * 4, indent=False)
    w.heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    _achievements(doc, nomination, "(Báo cáo thành tích căn cứ vào chức năng, nhiệm vụ được "
                                   "giao: kết quả đạt được về năng suất, chất lượng, hiệu quả "
                                   "công tác; các giải pháp, sáng kiến; việc thực hiện chủ "
                                   "trương của Đảng, chính sách, pháp luật của Nhà nước; công "
                                   "tác xây dựng Đảng và đoàn thể…)")
    _initiatives(doc, unit, 1)
    w.heading(doc, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT")
    c.history_section(doc, unit)
    w.signatures(doc, w.Signer("Thủ trưởng đơn vị cấp trên\ntrực tiếp xác nhận, đề nghị",
                               note="(Ký, đóng dấu)"),
                 w.Signer("Thủ trưởng đơn vị", note="(Ký, đóng dấu)"))


# -- a household --------------------------------------------------------------------------

def _household_report(doc, nomination) -> None:
    household = nomination.household
    w.national_heading(doc, "", "", "", c.date_line(household.unit, None))
    _title(doc, nomination)
    w.heading(doc, "I. THÔNG TIN HỘ GIA ĐÌNH")
    w.labelled(doc, "- Chủ hộ", household.head_name)
    w.labelled(doc, "- Địa chỉ", household.address)
    w.labelled(doc, "- Thôn, tổ dân phố; xã, phường", household.unit.name)
    w.labelled(doc, "- Số nhân khẩu", "")
    w.heading(doc, "II. THÀNH TÍCH ĐẠT ĐƯỢC")
    _achievements(doc, nomination, "(Nêu thành tích của hộ gia đình trong lao động, sản xuất, "
                                   "kinh doanh, xây dựng gia đình văn hóa, tham gia các phong "
                                   "trào thi đua ở địa phương…)")
    w.heading(doc, "III. CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐẠT")
    c.history_section(doc, household, with_ratings=False)
    w.signatures(doc, w.Signer("Xác nhận của Ủy ban nhân dân cấp xã", note="(Ký, đóng dấu)"),
                 w.Signer("Đại diện hộ gia đình", household.head_name,
                          note="(Ký, ghi rõ họ và tên)"))


def achievement_report(nomination) -> bytes:
    """The achievement report of ``nomination``'s candidate (person, collective or household)
    as .docx bytes."""
    nomination = _load(nomination)
    doc = w.new_document()
    doc.core_properties.title = f"Báo cáo thành tích: {c.candidate_name(nomination)}"
    if nomination.person_id:
        _person_report(doc, nomination)
    elif nomination.unit_id:
        _unit_report(doc, nomination)
    else:
        _household_report(doc, nomination)
    return w.to_bytes(doc)


# -- the simplified procedure -------------------------------------------------------------

def brief_report(nomination) -> bytes:
    """The brief achievement report (báo cáo tóm tắt thành tích) of the simplified
    procedure, written by the proposing unit, as .docx bytes."""
    nomination = _load(nomination)
    unit = nomination.batch.proposing_unit
    doc = w.new_document()
    doc.core_properties.title = f"Báo cáo tóm tắt thành tích: {c.candidate_name(nomination)}"
    w.national_heading(doc, c.superior_of(unit), unit.name, "", c.date_line(unit, None))
    _title(doc, nomination, "Báo cáo tóm tắt thành tích")
    label = "Họ và tên" if nomination.person_id else "Tên tập thể, hộ gia đình"
    w.labelled(doc, f"- {label}", c.candidate_name(nomination))
    w.labelled(doc, "- Chức vụ, đơn vị công tác" if nomination.person_id else "- Đơn vị, địa chỉ",
               c.candidate_place(nomination))
    w.heading(doc, "Tóm tắt thành tích:", level=2)
    _achievements(doc, nomination, "(Nêu ngắn gọn thành tích, thời gian, địa điểm và hiệu quả, "
                                   "ảnh hưởng của thành tích được đề nghị khen thưởng)")
    w.signatures(doc, None, w.Signer(nomination.batch.signer_title or "Thủ trưởng đơn vị",
                                     nomination.batch.signer_name, note="(Ký, đóng dấu)"))
    return w.to_bytes(doc)
