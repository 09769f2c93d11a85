"""What a dossier must hold and how it travels, per rule pack (the ``dossier`` table).

Keys (a province overrides any of them with a RuleSetting ``dossier.<key>``):
- ``documents.normal`` / ``documents.simplified`` — the document kinds each procedure needs;
- ``documents.initiative.<honour>`` — the proof of an initiative is needed too;
- ``simplified.<honour>`` — the simplified procedure may be used for this honour;
- ``public_comment.<honour>`` — days the candidates are published for comment (0: none).

Sources: law.md §5 (Law Art 84, 85) and peers.md (Circular 12/2019/TT-BNV: nominees for
State honours are made public). The number of days is an example (Hà Tĩnh 2024), so the
public-comment figures are unconfirmed.
"""

from vinhdanh.honors.law.catalogue import CATALOGUE
from vinhdanh.honors.law.model import Param

# The document kinds a dossier may hold: the vocabulary of the ``documents.*`` figures
# (nominations.enums.DocumentKind has the same values, checked by a test).
DOCUMENT_KINDS = ("submission_letter", "review_minutes", "achievement_report", "brief_report",
                  "initiative_proof", "other")

ART_84 = "Điều 84 Luật TĐKT 2022"
ART_85 = "Điều 85 Luật TĐKT 2022; Điều 40 Nghị định 98/2023/NĐ-CP"
PUBLICITY = ("Thông tư 12/2019/TT-BNV (công khai người được đề nghị khen thưởng cấp Nhà nước); "
             "số ngày theo ví dụ của Hà Tĩnh năm 2024 (chưa xác nhận)")
CSTD_TITLES = ("chien_si_thi_dua_co_so", "chien_si_thi_dua_tinh", "chien_si_thi_dua_toan_quoc")


def _dossier() -> dict[str, Param]:
    figures = {
        "documents.normal": Param(["submission_letter", "review_minutes", "achievement_report"],
                                  ART_84),
        "documents.simplified": Param(["submission_letter", "brief_report"], ART_85),
    }
    for code in CSTD_TITLES:
        figures[f"documents.initiative.{code}"] = Param(True, ART_84)
    for spec in CATALOGUE:
        # Art 85 speaks of award forms (hình thức khen thưởng), not of emulation titles.
        figures[f"simplified.{spec.code}"] = Param(spec.kind == "award", ART_85)
        state = spec.level == "state"
        figures[f"public_comment.{spec.code}"] = Param(7 if state else 0, PUBLICITY,
                                                       confirmed=False)
    return figures


DOSSIER: dict[str, Param] = _dossier()
