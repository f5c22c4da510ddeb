from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class DossiersConfig(AppConfig):
    # The module has two AppConfig subclasses: without ``default`` Django used neither.
    default = True
    name = "dossiers"
    label = "dossiers"
    verbose_name = _("Dossiers")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from adminkit.chrome import chrome_install
        from adminkit.sidebar import sidebar_install
        from dossiers import access, accessibility, deadline_signals, permission_names
        from dossiers.letters.services import letters_completion
        from dossiers.models import ObligationKind
        from dossiers.models.log_entry import DossierLogEntryManager
        from dossiers.obligations import DatesPerDossier, register_completion
        from dossiers.step_forms import register_step_forms
        from dossiers.workflow import wiring

        # The workflow's guards and effects that call services (the services import it).
        wiring.register()
        # The admin's sidebar is kept per user, renewed when roles, users or pages change.
        sidebar_install()
        # Wagtail's shortcuts dialog and icons are rendered once per variant.
        chrome_install()
        # Wagtail's history of dossiers is scoped like the dossiers themselves.
        DossierLogEntryManager.dossiers_for = staticmethod(access.dossiers_for)
        # The facts each step reads from its form (bound fields) and their answer lists.
        register_step_forms()

        # Letters, UVOs and evaluations tell the obligations engine when they were done.
        register_completion(ObligationKind.LETTER, letters_completion)
        register_completion(ObligationKind.UVO, DatesPerDossier("dossiers.CaseMeeting", "held_on"))
        register_completion(
            ObligationKind.EVALUATION, DatesPerDossier("dossiers.Evaluation", "evaluated_on")
        )
        # The stored copy of the deadlines follows steps, fulfilments and calendar changes.
        deadline_signals.connect()
        # Help texts and errors tied to their fields, radio and checkbox groups as fieldsets.
        accessibility.install()
        accessibility.register_hooks()
        # Functioneel beheer reads permission names in Dutch on the group pages.
        permission_names.connect()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user management with the organisation field (see ``dossiers.users``)."""

    user_viewset = "dossiers.users.UserViewSet"
