"""Backup commands end a failure with one Dutch line on stderr and a non-zero exit code: no
traceback and no English ``CommandError:`` prefix (the cause stays available with --traceback,
and with --verbosity 2 the underlying error is printed first)."""

import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from dossiers.backup import BackupError


def _as_command_error(error: Exception) -> CommandError:
    if isinstance(error, BackupError):
        return CommandError(str(error))
    return CommandError(
        _("Bestand of map niet bruikbaar: %(path)s. Er is niets veranderd.")
        % {"path": getattr(error, "filename", None) or "?"}
    )


class DutchErrorCommand(BaseCommand):
    requires_system_checks = []  # a restore must not query the database it is about to replace

    def execute(self, *args, **options):
        try:
            try:
                return super().execute(*args, **options)
            except (BackupError, OSError) as error:
                raise _as_command_error(error) from error
        except CommandError as error:
            if not getattr(self, "_called_from_command_line", False) or options.get("traceback"):
                raise
            cause = error.__cause__
            if options.get("verbosity", 1) > 1 and cause is not None:
                self.stderr.write(repr(cause.__cause__ or cause))
            self.stderr.write(" ".join(str(error).split()))
            sys.exit(error.returncode)
