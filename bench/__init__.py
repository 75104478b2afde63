"""kaznews benchmarks (`make bench`): an application, so trafilatura's own log is silenced here as the
kaznews commands do (the cleaner library leaves global loggers alone)."""

from cleaners.generic import quiet_trafilatura

quiet_trafilatura()
