# Image for web and workers in docker-compose.yml (not buildable on the development machines,
# which have no Docker engine).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY catalign catalign
COPY catalog catalog
COPY matching matching
COPY workers workers
COPY templates templates
COPY manage.py ./
RUN pip install --no-cache-dir . && python manage.py collectstatic --noinput
EXPOSE 8000
CMD ["gunicorn", "catalign.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "120"]
