"""Registers the reports in the admin."""

from wagtail import hooks

from reports.viewsets import access_log_viewset


@hooks.register("register_admin_viewset")
def register_access_log_viewset():
    return access_log_viewset
