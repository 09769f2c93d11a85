"""Who runs the council's sessions: the board (its officers are the council's secretariat).
Members vote through ``services.ballots.cast_ballot``, which checks membership itself."""

import rules

from vinhdanh.nominations.rules import is_board

rules.add_perm("council.manage_session", is_board)
