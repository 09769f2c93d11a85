from vinhdanh.nominations.models.batch import Nomination, NominationBatch
from vinhdanh.nominations.models.comment import PublicComment, PublicNotice
from vinhdanh.nominations.models.document import NominationDocument
from vinhdanh.nominations.models.step import NominationStep

__all__ = ["Nomination", "NominationBatch", "NominationDocument", "NominationStep",
           "PublicComment", "PublicNotice"]
