from django.core.management.base import BaseCommand

from dossiers.services.deadlines import deadlines_refresh
from dossiers.services.terms import terms_refresh


class Command(BaseCommand):
    help = (
        "Rewrite every dossier's stored deadlines from the obligations engine, and the terms "
        "of its UVOs and evaluations the monitor counts."
    )

    def handle(self, *args, **options):
        count = deadlines_refresh()
        self.stdout.write(f"{count} open deadlines stored.")
        count = terms_refresh()
        self.stdout.write(f"{count} UVO and evaluation terms rewritten.")
