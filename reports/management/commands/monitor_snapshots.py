from django.core.management.base import BaseCommand
from django.utils import timezone

from reports.snapshot_services import monitor_snapshots_take


class Command(BaseCommand):
    help = (
        "Take the monitor's missing day snapshots (yesterday and every earlier month end), "
        "all of them; the nightly job takes at most 36 per run."
    )

    def handle(self, *args, **options):
        count = monitor_snapshots_take(today=timezone.localdate(), limit=None)
        if options["verbosity"]:
            self.stdout.write(f"{count} monitor snapshots taken.")
