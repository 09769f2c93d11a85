"""The staff pages where a unit clerk prepares and submits submission batches (tờ trình), and
the page of one dossier whose buttons serve the unit, the group leader and the board alike."""
