"""The admin helpers every app uses, below all of them (docs/architecture.md, "Layout").

- ``scoping``: viewsets whose every view is limited to the user's scope (404 outside it);
- ``logged_views``: view mixins that write the access log for reads and exports;
- ``viewsets``: read-only viewsets and the listing with formula-safe exports;
- ``cells``: the formula-injection rule for spreadsheet cells (``safe_cell``);
- ``access_log``: how the package reaches the project's access log (named in settings).

The package imports no app at import time: the scope rule is a viewset's ``scope_queryset``,
and the access log's writer and logged model are named in settings
(``ADMINKIT_ACCESS_RECORDER``, ``ADMINKIT_LOGGED_MODEL``), resolved when a view runs.
"""
