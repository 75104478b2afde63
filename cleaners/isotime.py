"""ISO 8601 timestamps: `dateutil.parser.isoparse`, with a fast path for the plain valid form."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from dateutil.parser import isoparse as _isoparse

# `2024-01-07T23:14[:05[.123]][Z|+05:00|+0500|+05]`; anything else goes to dateutil.
_PLAIN = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?(Z|[+-]\d\d(?::?\d\d)?)?")


def isoparse(text: str) -> datetime:
    """What `dateutil.parser.isoparse(text)` gives (the same instant and offset); ValueError if invalid."""
    m = _PLAIN.fullmatch(text)
    if m is None:
        return _isoparse(text)
    hour, minute, second = int(m[4]), int(m[5]), int(m[6] or 0)
    if hour > 23 or minute > 59 or second > 59:  # 24:00 and leap seconds: dateutil's rules
        return _isoparse(text)
    zone = m[8]
    tz: timezone | None = None
    if zone == "Z":
        tz = UTC
    elif zone:
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        if offset >= timedelta(hours=24) or int(digits[2:] or 0) > 59:
            return _isoparse(text)
        tz = timezone(-offset if zone[0] == "-" else offset)
    micro = int(m[7][:6].ljust(6, "0")) if m[7] else 0
    return datetime(int(m[1]), int(m[2]), int(m[3]), hour, minute, second, micro, tzinfo=tz)
