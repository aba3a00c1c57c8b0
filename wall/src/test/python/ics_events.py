"""Reads an iCalendar feed on standard input with Python's icalendar (Debian's python3-icalendar)
and prints its events as JSON: one object per VEVENT with its uid, summary, start and end dates,
sorted by uid. CalendarFeedsIT compares this with what ical4j reads from the same bytes."""
import json
import sys

from icalendar import Calendar

cal = Calendar.from_ical(sys.stdin.buffer.read())
events = []
for e in cal.walk("VEVENT"):
    events.append({
        "uid": str(e.get("uid")),
        "summary": str(e.get("summary")),
        "start": e.decoded("dtstart").isoformat(),
        "end": e.decoded("dtend").isoformat(),
    })
events.sort(key=lambda e: e["uid"])
print(json.dumps({"version": str(cal.get("version")), "events": events}))
