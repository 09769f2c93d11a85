"""The Front bloc's year-end summary report of 2023 (issue 7), as the bloc's secretariat
would have written it for the review of 29/11/2023 that the project starts from.

Only the text is stored: the movements, ranking, proposals, honours and handover the
document shows are read from the rest of the demo each time it is made. The narrative
follows the news article (``shared/domain/origin-article.txt``) with the demo's fictional
province; the signer and the bloc's officers come from the bloc's 2023 pledge.
"""

import datetime as dt

from vinhdanh.core.models import ActivityLog
from vinhdanh.demo.province import MTTQ_BLOC
from vinhdanh.organisations.models import EmulationGroup
from vinhdanh.reports.models import SummaryReport
from vinhdanh.reports.summary.services import save_summary

YEAR = 2023
TEXT = {
    "issuer_upper": "Khối thi đua MTTQ và các tổ chức CT-XH tỉnh",
    "issuer": "Hội Cựu chiến binh tỉnh",
    "number": "18",
    "signer_title": "TM. KHỐI THI ĐUA\nKHỐI TRƯỞNG\nCHỦ TỊCH HỘI CCB TỈNH",
    "dated": dt.date(2023, 11, 29),
    "situation": (
        "Năm 2023, các đơn vị trong Khối thi đua đã bám sát sự chỉ đạo của tổ chức đoàn, hội "
        "cấp trên, của Tỉnh ủy, Ủy ban nhân dân tỉnh, Hội đồng Thi đua - Khen thưởng tỉnh, "
        "tranh thủ sự giúp đỡ, phối hợp của các cấp, các ngành tổ chức triển khai các phong "
        "trào thi đua thiết thực, hiệu quả, góp phần phát triển kinh tế - xã hội, giữ vững an "
        "ninh chính trị, trật tự an toàn xã hội của tỉnh.\n"
        "Hội Cựu chiến binh tỉnh làm Khối trưởng, Hội Nông dân tỉnh làm Khối phó. Khối đã ban "
        "hành quy chế hoạt động, kế hoạch thi đua năm 2023 và tổ chức ký kết giao ước thi đua "
        "ngay từ đầu năm."),
    "results": (
        "Các đơn vị trong Khối đã triển khai các văn bản, chỉ đạo của Trung ương và tỉnh về "
        "công tác thi đua, khen thưởng; đẩy mạnh tuyên truyền, vận động đoàn viên, hội viên, "
        "cán bộ, công chức, viên chức thực hiện các phong trào thi đua và cuộc vận động "
        "“Xây dựng gia đình 5 không, 3 sạch”, thu hút đông đảo đoàn viên, hội viên và Nhân "
        "dân tham gia. Kết quả cụ thể như sau:"),
    "pledge": (
        "Các đơn vị đã cụ thể hóa nội dung giao ước thành kế hoạch, chỉ tiêu của đơn vị mình; "
        "định kỳ 6 tháng và cuối năm báo cáo kết quả với Khối. Việc chấm điểm, xếp hạng được "
        "thực hiện công khai, dân chủ theo bảng tiêu chí của Khối."),
    "limitations": (
        "- Một số đơn vị gửi báo cáo kết quả thực hiện phong trào chưa đầy đủ, chưa đúng thời "
        "hạn Khối yêu cầu.\n"
        "- Tỷ lệ khen thưởng người lao động trực tiếp, đoàn viên, hội viên ở cơ sở còn thấp so "
        "với yêu cầu.\n"
        "- Việc phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến ở một số đơn vị chưa "
        "thường xuyên; tuyên truyền gương người tốt, việc tốt có lúc chưa kịp thời."),
    "directions": (
        "- Tập trung tuyên truyền, vận động cán bộ, đoàn viên, hội viên chấp hành nghiêm các "
        "chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; tham gia xây dựng "
        "hệ thống chính trị trong sạch, vững mạnh từ cơ sở.\n"
        "- Thực hiện tốt các phong trào thi đua “Giải phóng mặt bằng”, “Trách nhiệm, kỷ cương, "
        "tăng cường cải cách, tận dụng cơ hội, bứt phá đi lên” do Ủy ban nhân dân tỉnh phát "
        "động; duy trì hiệu quả, thực chất các phong trào, cuộc vận động.\n"
        "- Thường xuyên rà soát, kiện toàn đội ngũ cán bộ cơ sở, nâng cao nghiệp vụ, làm tốt "
        "công tác tham mưu về thi đua, khen thưởng; chú trọng khen thưởng người lao động trực "
        "tiếp.\n"
        "- Năm 2024, Hội Nông dân tỉnh làm Khối trưởng, Hội Liên hiệp Phụ nữ tỉnh làm Khối "
        "phó."),
    "proposals": (
        "1. Đề nghị Hội đồng Thi đua - Khen thưởng tỉnh xem xét, trình Ủy ban nhân dân tỉnh "
        "tặng Cờ thi đua cho Hội Cựu chiến binh tỉnh; tặng Bằng khen của Chủ tịch Ủy ban nhân "
        "dân tỉnh cho Hội Nông dân tỉnh và Ủy ban MTTQ Việt Nam tỉnh.\n"
        "2. Đề nghị Ban Thi đua - Khen thưởng tỉnh tiếp tục tổ chức tập huấn nghiệp vụ công "
        "tác thi đua, khen thưởng cho cán bộ làm công tác thi đua của các đơn vị trong Khối."),
}


def create_summary(actor=None) -> SummaryReport:
    """The Front bloc's 2023 report, pre-filled and then written as its secretariat would."""
    bloc = EmulationGroup.objects.get(code=MTTQ_BLOC, year=YEAR)
    return save_summary(bloc, actor=actor, **TEXT)


def clear() -> None:
    """Deletes the summary reports and their log (before the groups)."""
    SummaryReport.objects.all().delete()
    ActivityLog.objects.filter(content_type__app_label="reports").delete()
