"""P7/R6 load scenario: a case director's day against gunicorn + PostgreSQL + the Redis broker.

Mix per simulated user (weights): the dossier listing (5), a dossier page (4), the agenda (2),
a logbook write (2) and starting an export of the listing (1). Every logbook line carries this
run's marker, so ``bench/load_run.sh`` counts in the database afterwards how many arrived and
compares with the writes locust saw succeed: none may be lost.

Only ever aimed at 127.0.0.1 (the host is refused otherwise). Run through ``bench/load_run.sh``
(2 gunicorn workers, one django-q worker, 20 then 50 users, bounded by ``--run-time``).
Needs the bench extra (``pip install '.[bench]'``) and a server with REQUIRE_SECOND_FACTOR=False
and the demo users (``make scale-data``).
"""

import datetime
import os
import random
import re
from urllib.parse import urlparse

from locust import HttpUser, between, events, task

MARKER = os.environ.get("LOAD_MARKER", "load-run")
PASSWORD = os.environ.get("LOAD_PASSWORD", "regieoverleg-demo-2026")
USERNAME = os.environ.get("LOAD_USERNAME", "regieoverleg")
DIRECTOR = os.environ.get("LOAD_DIRECTOR", "regisseur")
DIRECTOR_PASSWORD = os.environ.get("LOAD_DIRECTOR_PASSWORD", "regisseur-demo-2026")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DOSSIER_LINK = re.compile(r'/admin/dossiers/inspect/(\d+)/"')
WRITES = {"ok": 0}


@events.test_start.add_listener
def _loopback_only(environment, **_kwargs):
    host = urlparse(environment.host or "").hostname
    if host not in {"127.0.0.1", "localhost"}:
        raise SystemExit(f"load bench only runs against 127.0.0.1, not {host}")


@events.test_stop.add_listener
def _report_writes(environment, **_kwargs):
    with open(os.environ.get("LOAD_WRITES_FILE", "/tmp/load-writes.txt"), "w") as out:  # noqa: S108
        out.write(str(WRITES["ok"]))


class CaseDirector(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        login = self.client.get("/admin/login/", name="login")
        token = CSRF.search(login.text).group(1)
        self.client.post(
            "/admin/login/",
            {"username": DIRECTOR, "password": DIRECTOR_PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Referer": f"{self.host}/admin/login/"},
            name="login",
            allow_redirects=False,  # the start page is issue 13's; not in this mix yet
        )
        listing = self.client.get("/admin/dossiers/?mine=true", name="listing (mine)")
        self.dossiers = DOSSIER_LINK.findall(listing.text) or ["1"]

    @task(5)
    def listing(self):
        page = random.randint(1, 20)
        self.client.get(f"/admin/dossiers/?p={page}", name="listing")

    @task(4)
    def dossier_page(self):
        pk = random.choice(self.dossiers)
        self.client.get(f"/admin/dossiers/inspect/{pk}/", name="dossier page")

    @task(2)
    def agenda(self):
        self.client.get("/admin/agenda/", name="agenda")

    @task(2)
    def journal_write(self):
        pk = random.choice(self.dossiers)
        url = f"/admin/dossiers/logboek/{pk}/"
        form = self.client.get(url, name="logbook form")
        match = CSRF.search(form.text)
        if not match:
            return
        with self.client.post(
            url,
            {
                "kind": "subject_contact",
                "occurred_on": datetime.date.today().isoformat(),
                "text": f"{MARKER}: gesprek met de persoon (belastingtest)",
                "csrfmiddlewaretoken": match.group(1),
            },
            headers={"Referer": f"{self.host}{url}"},
            name="logbook write",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            if response.status_code == 302:
                WRITES["ok"] += 1
                response.success()
            else:
                response.failure(f"HTTP {response.status_code}")

    @task(1)
    def export(self):
        self.client.get("/admin/dossiers/?export=xlsx&mine=true", name="export (start)")
