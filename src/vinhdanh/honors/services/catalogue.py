"""Keeps the catalogue and the base-salary table in step with law/ after each migrate."""

from vinhdanh.honors.law.catalogue import CATALOGUE
from vinhdanh.honors.law.salaries import BASE_SALARIES


def sync_catalogue() -> None:
    """Creates or updates one Honor per catalogue entry (codes never change)."""
    from vinhdanh.honors.models import Honor

    for position, spec in enumerate(CATALOGUE):
        Honor.objects.update_or_create(code=spec.code, defaults={
            "name": spec.name, "short_name": spec.short_name, "kind": spec.kind,
            "level": spec.level, "for_individual": "individual" in spec.subjects,
            "for_collective": "collective" in spec.subjects,
            "for_household": "household" in spec.subjects, "awarded_by": spec.awarded_by,
            "legal_basis": spec.legal_basis, "position": position,
        })


def sync_base_salaries() -> None:
    """Adds the base salaries the law data knows; rows an administrator edited stay."""
    from vinhdanh.honors.models import BaseSalary

    for valid_from, amount, basis, confirmed in BASE_SALARIES:
        BaseSalary.objects.get_or_create(valid_from=valid_from, defaults={
            "amount": amount, "legal_basis": basis, "confirmed": confirmed})


def on_post_migrate(sender, **kwargs) -> None:
    sync_catalogue()
    sync_base_salaries()
