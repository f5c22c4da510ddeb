from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from dossiers.demo import DEMO_USERS, demo_data_create, demo_password
from dossiers.models import User


class Command(BaseCommand):
    help = _("Maakt fictieve, deterministische demodata: gebruikers per rol en dossiers.")

    def add_arguments(self, parser):
        parser.add_argument("--dossiers", type=int, default=60, help=_("aantal dossiers"))
        parser.add_argument("--seed", type=int, default=2016, help=_("startwaarde van het toeval"))
        parser.add_argument(
            "--journal",
            type=int,
            default=100,
            help=_("ongeveer zoveel logboekregels per actief dossier"),
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help=_("niets doen als de demogebruikers al bestaan"),
        )

    def handle(self, *args, dossiers, seed, journal, if_empty, **options):
        if if_empty and User.objects.filter(username=DEMO_USERS[0].username).exists():
            self.stdout.write(_("Demodata bestaan al; niets gedaan."))
        else:
            result = demo_data_create(dossiers=dossiers, seed=seed, journal=journal)
            self.stdout.write(
                _(
                    "%(dossiers)d dossiers met %(history)d statuswijzigingen en %(journal)d "
                    "logboekregels aangemaakt."
                )
                % result
            )
        self.stdout.write(_("Demo-inloggegevens (alleen voor ontwikkeling):"))
        for demo in DEMO_USERS:
            self.stdout.write(
                f"  {demo.role:<28} {demo.username:<14} {demo_password(demo.username)}"
            )
