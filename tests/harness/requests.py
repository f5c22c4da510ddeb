"""Send one request as a role and roll back whatever it wrote, so checks never affect each other."""

from http.cookies import SimpleCookie

from django.conf import settings
from django.db import transaction
from django.test import Client

from tests.harness.urls import UrlCase, build_path
from tests.harness.world import World, url_arguments

ANONYMOUS = "anonymous"
METHODS = ("GET", "POST")


class Requester:
    """Logged-in sessions per role over a ``World``; each request in a rolled-back savepoint."""

    # Every request is rolled back, so a session's idle expiry is never moved on, and a new
    # login inside a test would be rolled back with it: the sessions are made once, with an
    # expiry longer than any run, so a slow run (a loaded CI machine) keeps its logins.
    SESSION_SECONDS = 4 * 3600

    def __init__(self, world: World):
        self.world = world
        self.sessions = {}
        # Users beyond the matrix's columns: the case director whose dossier every object
        # belongs to, and a superuser (the no-5xx walker asks as them too).
        self.extra_roles = tuple(world.extra_users)
        self._log_in()
        self.roles = (ANONYMOUS, *world.users)
        self.cache: dict = {}
        self.clients = {
            role: Client(raise_request_exception=False) for role in (*self.roles, *self.extra_roles)
        }

    def _log_in(self) -> None:
        for key, user in {**self.world.users, **self.world.extra_users}.items():
            client = Client()
            client.force_login(user)
            session = client.session
            session.set_expiry(self.SESSION_SECONDS)
            session.save()
            self.sessions[key] = client.cookies[settings.SESSION_COOKIE_NAME].value

    def client_for(self, role: str) -> Client:
        """The role's client with only its session cookie (a logout must not stick)."""
        client = self.clients[role]
        client.cookies = SimpleCookie()
        if role != ANONYMOUS:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client

    def send(self, role: str, method: str, path: str, data=None, *, within=None):
        """The response; ``within(response)``, if given, runs before the rollback, so it can
        see what the request wrote (e.g. its access-log row)."""
        client = self.client_for(role)
        with transaction.atomic():
            if method == "GET":
                response = client.get(path, data)
            else:
                response = client.post(path, data or {})
            if within is not None:
                within(response)
            transaction.set_rollback(True)
        return response

    def status(self, role: str, method: str, path: str) -> int:
        return self.send(role, method, path).status_code

    def path_of(self, case: UrlCase) -> tuple[str, bool]:
        kwargs, args, carries = url_arguments(self.world, case)
        return build_path(case, kwargs, args), carries

    def observe(self, case: UrlCase, roles=None) -> dict[str, dict[str, int]]:
        """{method: {role: status}} for ``case`` and ``roles`` (default all); cached."""
        path = None
        result = {}
        for method in METHODS:
            result[method] = {}
            for role in roles or self.roles:
                key = (case.route, method, role)
                if key not in self.cache:
                    path = path or self.path_of(case)[0]
                    self.cache[key] = self.status(role, method, path)
                result[method][role] = self.cache[key]
        return result
