from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dossiers.backup import BackupError, backup_read_manifest, backup_restore


class Command(BaseCommand):
    help = _(
        "Zet een back-up terug: vervangt de hele database en alle geüploade bestanden, en "
        "controleert daarna rijen en controlegetallen tegen de back-up."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help=_("het back-uparchief (.tar.gz)"))
        parser.add_argument(
            "--yes", action="store_true", help=_("niet om bevestiging vragen (voor scripts)")
        )

    def handle(self, *args, archive, yes, **options):
        try:
            manifest = backup_read_manifest(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes:
            answer = input(
                _(
                    "Dit vervangt ALLE gegevens door de back-up van %(created)s. "
                    "Typ 'herstel' om door te gaan: "
                )
                % {"created": manifest["created_at"]}
            )
            if answer.strip() != "herstel":
                raise CommandError(_("Afgebroken; er is niets veranderd."))
        try:
            backup_restore(archive_path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _(
                "Hersteld en gecontroleerd: %(tables)d tabellen en %(files)d bestanden gelijk "
                "aan de back-up."
            )
            % {"tables": len(manifest["tables"]), "files": len(manifest["media"])}
        )
