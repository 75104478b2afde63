"""Which archived URLs `kaznews archive` keeps.

By default the pages of the registry's editions (`cleaners/sites/`: each edition's host, path
prefix and query, as `SiteProfile.edition_for` matches them). With `all_kz`, also any host under
`.kz` or `.қаз`, any host of a registry domain outside its editions, and the Kazakhstani outlets
without a profile that publish on other top-level domains (`OTHER_TLD_OUTLETS`); those pages go
through the generic cleaner.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from cleaners.profiles import profile_for_url

KZ_SUFFIXES = (".kz", ".қаз", ".xn--80ao21a")  # .қаз in punycode, as archives store hosts
OTHER_TLD_OUTLETS = ("the-steppe.com", "bes.media", "masa.media", "almaty.tv")


def is_edition_page(url: str) -> bool:
    """Is this URL on one of the registry's editions?"""
    profile = profile_for_url(url)
    return profile is not None and profile.edition_for(url) is not None


@lru_cache(maxsize=4096)
def is_kz_host(host: str) -> bool:
    """A .kz/.қаз host, a host of a registry domain, or a known Kazakhstani outlet elsewhere."""
    host = host.lower().rstrip(".").removeprefix("www.")
    if host.endswith(KZ_SUFFIXES) or host in ("kz", "қаз", "xn--80ao21a"):
        return True
    if profile_for_url(f"https://{host}/") is not None:
        return True
    return any(host == d or host.endswith("." + d) for d in OTHER_TLD_OUTLETS)


def wanted(url: str, all_kz: bool = False) -> bool:
    if is_edition_page(url):
        return True
    return all_kz and is_kz_host(urlsplit(url).hostname or "")
