import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_with_env(extra_env: dict, *args: str) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key != "DATABASE_URL"
    }
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_env(**overrides) -> dict:
    env = {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "frivillig.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://frivillig.example.org",
        "FRIVILLIG_SITE_URL": "https://frivillig.example.org",
    }
    env.update(overrides)
    return env


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with_env(production_env(DJANGO_SECRET_KEY=""), "check")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_on_a_public_host_is_refused():
    result = run_with_env(
        {"DJANGO_DEBUG": "true", "DJANGO_ALLOWED_HOSTS": "frivillig.example.org"}, "check"
    )

    assert result.returncode != 0
    assert "DJANGO_DEBUG is on" in result.stderr


def test_deploy_check_passes_without_warnings_in_production():
    result = run_with_env(production_env(), "check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_warns_when_mail_links_would_point_at_localhost():
    result = run_with_env(
        production_env(FRIVILLIG_SITE_URL="http://127.0.0.1:8000"),
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )

    assert result.returncode != 0
    assert "frivillig.W001" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("value", "expected"), [("false", False), ("0", False), ("true", True), ("", True)]
)
def test_debug_is_read_from_the_environment(monkeypatch, value, expected):
    from frivillig.settings import env_bool

    monkeypatch.setenv("DJANGO_DEBUG", value)
    assert env_bool("DJANGO_DEBUG", True) is expected


def test_settings_defaults_are_danish_and_copenhagen(settings):
    assert settings.LANGUAGE_CODE == "da"
    assert settings.TIME_ZONE == "Europe/Copenhagen"
    assert [code for code, _name in settings.LANGUAGES] == ["da", "en"]
