"""The statutory statistical report forms on emulation and commendation (0601.N–0605.N),
filled from Vinh Danh's data for a year and a unit's subtree, within what the user sees.

``forms.py`` holds the forms as data, ``facts.py`` reads what they count, ``counting.py``
fills them, ``workbook.py`` writes the Excel workbook. See docs/statutory-forms.md.
"""
