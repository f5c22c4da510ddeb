"""Notification letters: the letter rule, the MAP's register, making, sending (views, viewsets,
services, selectors); the models stay in ``dossiers.models``."""
