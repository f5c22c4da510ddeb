"""Files on S3-compatible object storage, chosen by environment variables (README "Scaling out").

The last test runs a real S3-compatible server (moto's server mode, on 127.0.0.1) and sends an
attachment through it: stored in the bucket, served only by the scoped view, logged, 404 for
another case director, and no public URL: an anonymous GET on the object is refused.
"""

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from config.env import env_file_storage
from dossiers.models import AccessLogEntry, SignalAttachment
from tests.dossiers.test_intake import _form

S3_NAMES = (
    "AWS_STORAGE_BUCKET_NAME",
    "BUCKET_NAME",
    "AWS_S3_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_S3",
    "AWS_S3_REGION_NAME",
    "AWS_REGION",
    "AWS_LOCATION",
)


@pytest.fixture
def no_s3_env(monkeypatch):
    for name in S3_NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_local_disk_is_the_default(no_s3_env):
    assert env_file_storage() == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_fly_object_storage_names_choose_private_s3(no_s3_env):
    no_s3_env.setenv("BUCKET_NAME", "ipga-bestanden")
    no_s3_env.setenv("AWS_ENDPOINT_URL_S3", "https://fly.storage.tigris.dev")
    no_s3_env.setenv("AWS_REGION", "auto")
    storage = env_file_storage()
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "ipga-bestanden"
    assert options["endpoint_url"] == "https://fly.storage.tigris.dev"
    assert options["region_name"] == "auto"
    assert options["default_acl"] == "private"
    assert options["file_overwrite"] is False


@pytest.fixture
def s3_server(no_s3_env):
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_STORAGE_BUCKET_NAME": "ipga-test",
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": "us-east-1",
    }.items():
        no_s3_env.setenv(name, value)
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket="ipga-test")
    yield client, endpoint
    server.stop()


@pytest.mark.django_db
def test_attachment_goes_through_a_real_s3_server(s3_server, client, users, settings):
    s3, endpoint = s3_server
    settings.STORAGES = {**settings.STORAGES, "default": env_file_storage()}
    client.force_login(users["map"])
    pdf = SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 fictief", "application/pdf")
    client.post(reverse("signals:add"), {**_form(), "attachments": [pdf]})
    attachment = SignalAttachment.objects.get()
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket="ipga-test").get("Contents", [])]
    assert keys == [attachment.file.name]
    response = client.get(reverse("signals:attachment", args=[attachment.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 fictief"
    assert AccessLogEntry.objects.filter(action="download").count() == 1
    client.force_login(users["regisseur"])
    assert client.get(reverse("signals:attachment", args=[attachment.pk])).status_code == 404
    acl = s3.get_object_acl(Bucket="ipga-test", Key=attachment.file.name)
    assert not [g for g in acl["Grants"] if "AllUsers" in g["Grantee"].get("URI", "")]
