"""Exemplary stories: the good examples of honoured people and collectives, written by the
board, reviewed, published on a calendar and read by the public."""
