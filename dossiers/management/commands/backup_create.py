from pathlib import Path

from django.utils import timezone
from django.utils.translation import gettext as _

from dossiers.backup import backup_create
from dossiers.management.commands._dutch_errors import DutchErrorCommand


class Command(DutchErrorCommand):
    help = _(
        "Maakt een back-up van de database en de geüploade bestanden in één archief; kan terwijl "
        "de applicatie draait (het manifest wordt berekend over de kopie zelf)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help=_("pad van het archief (standaard backups/ipga-<tijdstip>.tar.gz)"),
        )

    def handle(self, *args, output, **options):
        output = output or Path("backups") / f"ipga-{timezone.now():%Y%m%dT%H%M%SZ}.tar.gz"
        manifest = backup_create(output=output)
        rows = sum(table["rows"] for table in manifest["tables"].values())
        self.stdout.write(
            _(
                "Back-up geschreven naar %(path)s: %(tables)d tabellen, %(rows)d rijen, "
                "%(files)d bestanden."
            )
            % {
                "path": output,
                "tables": len(manifest["tables"]),
                "rows": rows,
                "files": len(manifest["media"]),
            }
        )
