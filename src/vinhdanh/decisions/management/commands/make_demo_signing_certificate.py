"""``manage.py make_demo_signing_certificate DIR``: a throw-away certificate authority and a
signing certificate issued by it, for the demo and for trying the signatures out.

Writes DIR/demo-signer.p12, DIR/demo-signer.pass and DIR/demo-ca.pem and prints the settings
that use them. A real province signs with the certificate its CA issued (a PKCS#12 file);
documents signed with this one verify as "valid but not trusted" anywhere else.
"""

from pathlib import Path

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Writes a demo CA and signing certificate (PKCS#12) for the digital signatures."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--if-missing", action="store_true",
                            help="Do nothing when the files are there already.")

    def handle(self, directory, if_missing=False, **options):
        from vinhdanh.documents.signing import make_test_pkcs12

        folder = Path(directory)
        p12, ca = folder / "demo-signer.p12", folder / "demo-ca.pem"
        if not (if_missing and p12.exists() and ca.exists()):
            folder.mkdir(parents=True, exist_ok=True)
            data, passphrase, ca_pem = make_test_pkcs12(
                common_name="Ủy ban nhân dân tỉnh Hòa Sơn (demo)")
            p12.write_bytes(data)
            (folder / "demo-signer.pass").write_bytes(passphrase or b"")
            ca.write_bytes(ca_pem)
            p12.chmod(0o600)
        self.stdout.write(f"SIGNING_PKCS12={p12}\nSIGNING_PASSPHRASE_FILE={folder}/demo-signer.pass"
                          f"\nSIGNING_TRUST_ROOTS={ca}")
