"""The council's staff pages: members per term, sessions with attendance, quorum, agenda
and the secret ballot's controls (the board), and the members' ballot page.

Secrecy: the pages show who is present, who is recused and how many have voted on an item,
never what anyone voted; the tally appears only once voting on the item has closed.
"""
