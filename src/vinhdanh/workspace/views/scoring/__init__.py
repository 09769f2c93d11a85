"""The staff pages of group scoring: the table, rounds, score sheets, ranking and review."""
