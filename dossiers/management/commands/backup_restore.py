from pathlib import Path

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from dossiers.backup import backup_check, backup_read_manifest, backup_restore
from dossiers.management.commands._dutch_errors import DutchErrorCommand


class Command(DutchErrorCommand):
    help = _(
        "Zet een back-up terug. Leest en controleert eerst het hele archief (controlegetallen, "
        "manifest, database in een kladdatabase); pas daarna worden database en bestanden "
        "omgewisseld en gecontroleerd. Bij elke fout blijft alles zoals het was."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help=_("het back-uparchief (.tar.gz)"))
        parser.add_argument(
            "--yes", action="store_true", help=_("niet om bevestiging vragen (voor scripts)")
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help=_("alleen controleren (in een kladdatabase); niets vervangen"),
        )

    def handle(self, *args, archive, yes, check, **options):
        if check:
            manifest = backup_check(archive_path=archive)
            self.stdout.write(
                _(
                    "Archief in orde: %(tables)d tabellen en %(files)d bestanden gelijk aan het "
                    "manifest van %(created)s. Er is niets veranderd."
                )
                % {
                    "tables": len(manifest["tables"]),
                    "files": len(manifest["media"]),
                    "created": manifest["created_at"],
                }
            )
            return
        if not yes:
            manifest = backup_read_manifest(archive)
            answer = input(
                _(
                    "Dit vervangt ALLE gegevens door de back-up van %(created)s. "
                    "Typ 'herstel' om door te gaan: "
                )
                % {"created": manifest["created_at"]}
            )
            if answer.strip() != "herstel":
                raise CommandError(_("Afgebroken; er is niets veranderd."))
        manifest = backup_restore(archive_path=archive)
        self.stdout.write(
            _(
                "Hersteld en gecontroleerd: %(tables)d tabellen en %(files)d bestanden gelijk "
                "aan de back-up."
            )
            % {"tables": len(manifest["tables"]), "files": len(manifest["media"])}
        )
