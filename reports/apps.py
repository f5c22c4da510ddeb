from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "reports"
    label = "monitor"
    verbose_name = _("Monitor en rapportages")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from dossiers.selectors.queues import register_queue
        from reports.queues import access_review_queue

        # The privacy officer's start page shows the months still to review.
        register_queue("monitor.review_access", access_review_queue)
