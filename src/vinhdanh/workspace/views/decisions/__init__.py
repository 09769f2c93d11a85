"""The decision pages of the staff UI: the list, drafting from the council's approved
dossiers, one decision's page with its annex, the signer's actions, the files, the
certificates and their printing jobs, revoking an honour, and the issuers' settings.

Every decision is found through ``Decision.objects.visible_to(user)`` (404 outside it); every
change goes through a service of ``vinhdanh.decisions.services``, which checks the
permission again.
"""
