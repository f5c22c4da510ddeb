"""The browser tests skip without chromium on a developer's machine but fail in CI.

A unit test of ``require_chromium``: no browser is started, the path check is pointed at a
file that does or does not exist.
"""

import pytest

from tests.browser import conftest


@pytest.fixture
def chromium_missing(monkeypatch, tmp_path):
    monkeypatch.setattr(conftest, "CHROMIUM", str(tmp_path / "chromium"))


def test_missing_chromium_skips_outside_ci(chromium_missing, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        conftest.require_chromium()


@pytest.mark.parametrize("value", ["true", "1", "yes"])
def test_missing_chromium_fails_in_ci(chromium_missing, monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        conftest.require_chromium()


@pytest.mark.parametrize("value", ["", "0", "false"])
def test_ci_switched_off_still_skips(chromium_missing, monkeypatch, value):
    monkeypatch.setenv("CI", value)
    with pytest.raises(pytest.skip.Exception):
        conftest.require_chromium()


@pytest.mark.parametrize("ci", [None, "true"])
def test_present_chromium_neither_skips_nor_fails(monkeypatch, tmp_path, ci):
    chromium = tmp_path / "chromium"
    chromium.touch()
    monkeypatch.setattr(conftest, "CHROMIUM", str(chromium))
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert conftest.require_chromium() is None
