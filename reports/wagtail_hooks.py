"""Registers the reports in the admin."""

from wagtail import hooks

from reports.views import monitor_menu_item, monitor_urls
from reports.viewsets import access_log_viewset, deletion_log_viewset


@hooks.register("register_admin_viewset")
def register_access_log_viewset():
    return access_log_viewset


@hooks.register("register_admin_viewset")
def register_deletion_log_viewset():
    return deletion_log_viewset


@hooks.register("register_admin_urls")
def register_monitor_urls():
    return monitor_urls()


@hooks.register("register_admin_menu_item")
def register_monitor_menu_item():
    return monitor_menu_item()


@hooks.register("register_admin_urls")
def register_import_urls():
    from reports.import_views import import_urls

    return import_urls()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    from reports.import_views import import_menu_item

    return import_menu_item()


@hooks.register("register_admin_urls")
def register_partner_export_urls():
    from reports.partner_views import partner_export_urls

    return partner_export_urls()


@hooks.register("register_admin_menu_item")
def register_partner_export_menu_item():
    from reports.partner_views import partner_export_menu_item

    return partner_export_menu_item()


@hooks.register("register_admin_viewset")
def register_partner_export_profile_viewset():
    from reports.viewsets import partner_export_profile_viewset

    return partner_export_profile_viewset


@hooks.register("register_admin_urls")
def register_access_review_urls():
    from reports.access_review_views import access_review_urls

    return access_review_urls()


@hooks.register("register_admin_menu_item")
def register_access_review_menu_item():
    from reports.access_review_views import access_review_menu_item

    return access_review_menu_item()


@hooks.register("register_admin_urls")
def register_listing_export_urls():
    from reports.listing_export_views import listing_export_urls

    return listing_export_urls()
