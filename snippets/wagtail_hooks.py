"""Registers the catalogue and training in the admin; reads like the admin menu."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from snippets.views.training import training_menu_item, training_urls
from snippets.viewsets import CatalogueViewSetGroup, other_approach_list_viewset

register_snippet(CatalogueViewSetGroup)


@hooks.register("register_admin_urls")
def register_training_urls():
    return training_urls()


@hooks.register("register_admin_menu_item")
def register_training_menu_item():
    return training_menu_item()


@hooks.register("register_admin_viewset")
def register_other_approach_list_viewset():
    return other_approach_list_viewset
