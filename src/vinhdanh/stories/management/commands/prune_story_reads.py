"""Deletes the story read rows of past days; run it daily (they only matter today)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from vinhdanh.stories.services.reads import prune_reads


class Command(BaseCommand):
    help = "Deletes the exemplary stories' read rows of days before today."

    def handle(self, *args, **options):
        deleted = prune_reads(before=timezone.localdate())
        self.stdout.write(f"{deleted} read rows deleted.")
