from vinhdanh.decisions.models.certificate import Certificate, CertificateJob
from vinhdanh.decisions.models.decision import Decision, DecisionEntry
from vinhdanh.decisions.models.issuer import Issuer, NumberCounter

__all__ = ["Certificate", "CertificateJob", "Decision", "DecisionEntry", "Issuer",
           "NumberCounter"]
