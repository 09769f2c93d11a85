"""The staff pages of the commendation board and the group leaders: the inbox of dossiers
to act on, public notices and their comments, and the timeliness statistics."""
