# The web and worker image for Fly.io (fly.toml runs gunicorn or qcluster from it).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

# WeasyPrint (letters) needs pango and harfbuzz; fonts so PDFs render the same everywhere.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, so a code change does not reinstall them (docs/adr/0001: no app install).
COPY pyproject.toml ./
RUN pip install .

COPY . .

# Static files are collected at build time; this key only satisfies the production settings
# and is never used at run time (fly secrets set SECRET_KEY). The .mo files are committed.
RUN SECRET_KEY=build-time-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz \
    ALLOWED_HOSTS=localhost \
    python manage.py collectstatic --noinput

RUN useradd --system --uid 10001 --home-dir /app app \
    && mkdir -p /data/media \
    && chown -R app:app /data
USER app

ENV MEDIA_ROOT=/data/media
EXPOSE 8000
CMD ["gunicorn", "--pythonpath", "site", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
