"""What a new summary report starts with: the heading and signature of the group's leader
unit, and the narrative pre-filled from what exists (the year-end review's results and
directions, the pledge). Everything stays editable.

The texts are Vietnamese document content (the report is a Vietnamese administrative text),
written here and not translated.
"""

from vinhdanh.movements.models import Pledge
from vinhdanh.organisations.enums import GroupKind
from vinhdanh.organisations.models import Unit
from vinhdanh.scoring.models import YearEndReview

TITLE = ("Tổng kết công tác thi đua, khen thưởng năm {year} và phương hướng, nhiệm vụ "
         "năm {next}")
SITUATION = ("Năm {year}, các đơn vị trong {word} đã bám sát sự chỉ đạo của cấp trên, của "
             "Tỉnh ủy, Ủy ban nhân dân tỉnh và Hội đồng Thi đua - Khen thưởng tỉnh, triển "
             "khai các phong trào thi đua gắn với nhiệm vụ chính trị của từng đơn vị.")
LEADERSHIP = "{leader} làm {word} trưởng, {deputy} làm {word} phó."
RECIPIENTS = ("Hội đồng Thi đua - Khen thưởng tỉnh;\nBan Thi đua - Khen thưởng tỉnh;\n"
              "Các đơn vị thành viên {word};\nLưu: VT.")


def word_of(group) -> str:
    """ "Khối" for a bloc, "Cụm" for a cluster."""
    return "Cụm" if group.kind == GroupKind.CLUSTER else "Khối"


def place_of() -> str:
    """The province's name without "Tỉnh" ("Hòa Sơn"), as ND 30 writes the place."""
    root = Unit.objects.filter(parent__isnull=True).first()
    name = root.name if root else ""
    for prefix in ("Tỉnh ", "Thành phố ", "tỉnh "):
        name = name.removeprefix(prefix)
    return name


def prefill(group) -> dict:
    """The fields of a new report of ``group``."""
    review = YearEndReview.objects.filter(group=group).first()
    pledge = Pledge.objects.filter(group=group).prefetch_related("signatories").first()
    word = word_of(group)
    return {
        **_issuer(group), "number": "",
        "symbol": "BC-CTĐ" if word == "Cụm" else "BC-KTĐ", "place": place_of(),
        "dated": review.held_on if review else None,
        "title": TITLE.format(year=group.year, next=group.year + 1),
        "situation": _situation(group, word), "results": review.results if review else "",
        "pledge": pledge.text if pledge else "", "limitations": "",
        "directions": review.directions if review else "", "proposals": "",
        **_signer(group, pledge, word), "recipients": RECIPIENTS.format(word=word),
    }


def _issuer(group) -> dict:
    """The group above, its leader unit below in bold: the leader issues the report in
    the group's name. Without a leader, the group alone."""
    if group.leader_id is None:
        return {"issuer_upper": "", "issuer": group.name}
    return {"issuer_upper": group.name, "issuer": group.leader.name}


def _situation(group, word: str) -> str:
    text = SITUATION.format(year=group.year, word=word)
    if group.leader_id and group.deputy_id:
        text += "\n" + LEADERSHIP.format(leader=group.leader.name, deputy=group.deputy.name,
                                         word=word)
    return text


def _signer(group, pledge, word: str) -> dict:
    """ "TM. KHỐI THI ĐUA / KHỐI TRƯỞNG / CHỦ TỊCH HỘI …", and the name of the leader unit's
    representative who signed the pledge, when there is one."""
    title = f"TM. {word} thi đua\n{word} trưởng".upper()
    if group.leader_id is None:
        return {"signer_title": title, "signer_name": ""}
    signatory = next((s for s in pledge.signatories.all() if s.unit_id == group.leader_id),
                     None) if pledge else None
    head = f"{signatory.position} {group.leader.name}" if signatory and signatory.position \
        else group.leader.name
    return {"signer_title": f"{title}\n{head.upper()}",
            "signer_name": signatory.representative if signatory else ""}
