"""Every board page renders for the board officer without inline style or script (CSP)."""

from django.urls import reverse

from tests.nominations.support import clerk_for, in_appraisal, submitted
from tests.workspace.test_layout import _assert_csp_clean
from tests.workspace.ui_support import html
from vinhdanh.nominations.services import comments


def test_board_pages_have_no_inline_style_or_script(province, personas, client_for):
    submitted(province, clerk_for(province.women, "women-clerk"))
    nomination = in_appraisal(province, personas.unit_clerk, personas.board_officer,
                              honor_code="bang_khen_thu_tuong", justification="Đề nghị xét.")
    notice = comments.publish_notice([nomination], actor=personas.board_officer, title="Lấy ý kiến")
    comments.submit_comment(notice, nomination, name="Hoa", contact="0912345678", text="Đồng ý",
                            address="203.0.113.9")
    client = client_for(personas.board_officer)
    for url in (reverse("workspace:board-inbox"), reverse("workspace:board-inbox") + "?overdue=on",
                reverse("workspace:notice-list"), reverse("workspace:notice-create"),
                reverse("workspace:notice-detail", args=[notice.pk]),
                reverse("workspace:timeliness")):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_csp_clean(html(response))
