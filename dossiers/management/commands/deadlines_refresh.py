from django.core.management.base import BaseCommand

from dossiers.services.deadlines import deadlines_refresh


class Command(BaseCommand):
    help = "Rewrite every dossier's stored deadlines from the obligations engine."

    def handle(self, *args, **options):
        count = deadlines_refresh()
        self.stdout.write(f"{count} open deadlines stored.")
