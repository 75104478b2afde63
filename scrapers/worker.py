"""Who this crawler process is among the workers of a shared (Redis) crawl."""

from __future__ import annotations

import os
import socket
import uuid

from scrapy.settings import BaseSettings

INCARNATION = uuid.uuid4().hex[:16]  # this process, in its heartbeat: a restart under the same id is another owner


def worker_id(settings: BaseSettings) -> str:
    """This worker's name in Redis: KAZNEWS_WORKER_ID, else `<hostname>:<pid>`."""
    return settings.get("KAZNEWS_WORKER_ID") or f"{socket.gethostname()}:{os.getpid()}"
