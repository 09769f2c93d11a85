"""Word documents of a dossier, pre-filled from the system (Decree 30/2020 layout, see
vinhdanh.core.wordlayout): each builder returns the bytes of a .docx to edit and upload."""

from vinhdanh.nominations.documents.letter import submission_letter
from vinhdanh.nominations.documents.reports import achievement_report, brief_report

__all__ = ["achievement_report", "brief_report", "submission_letter"]
