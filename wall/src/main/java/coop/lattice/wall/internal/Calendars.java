package coop.lattice.wall.internal;

import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Slot;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The responsibility map as an iCalendar feed (RFC 5545), built and folded by ical4j: one all-day
 * event per slot, its UID fixed by the slot (date, role, seat) so that a calendar that subscribed
 * replaces an event when a swap or cover changes its holder. The whole collective's feed names
 * each holder as they chose (a member who appears only in aggregates is "a member"); a member's
 * own feed holds only their slots. Thread-safe.
 */
public final class Calendars {
  private final Clock clock;

  public Calendars(Clock clock) {
    this.clock = clock;
  }

  /** Every slot of the current map. */
  public byte[] collective(Collective c, Words w) {
    Shown shown = new Shown(c);
    return feed(c, w, w.say("calendar.name", c.name()), a -> true, a -> holder(a, shown, w));
  }

  /** The slots {@code member} holds on the current map. */
  public byte[] member(Collective c, MemberId member, Words w) {
    return feed(c, w, w.say("calendar.mine", c.name()), a -> member.equals(a.member()), a -> "");
  }

  private byte[] feed(Collective c, Words w, String name, Predicate<Assignment> which,
      java.util.function.Function<Assignment, String> who) {
    Instant now = clock.instant();
    Calendar cal = new Calendar();
    cal.add(new ProdId("-//Lattice//Wall//EN"));
    cal.add(ImmutableVersion.VERSION_2_0);
    cal.add(ImmutableCalScale.GREGORIAN);
    cal.add(new XProperty("X-WR-CALNAME", name));
    List<Assignment> slots = c.rotations().current().map(p -> p.assignments().stream().filter(which).sorted(
        (a, b) -> a.slot().compareTo(b.slot())).toList()).orElse(List.of());
    for (Assignment a : slots) {
      Slot s = a.slot();
      String holder = who.apply(a);
      VEvent e = new VEvent(false);
      e.add(new Uid(s.date() + "-" + s.role().value() + "-" + s.seat() + "@" + c.id().value() + ".lattice"));
      e.add(new DtStamp(now));
      e.add(new DtStart<>(s.date()));
      e.add(new DtEnd<>(s.date().plusDays(1)));
      e.add(new Summary(holder.isEmpty() ? s.role().value() : w.say("calendar.summary", s.role().value(), holder)));
      cal.add(e);
    }
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(true).output(cal, out);
    } catch (IOException | ValidationException e) {
      // A StringWriter does not fail, and the events are built here: either is a bug in this class.
      throw new IllegalStateException("the calendar of " + c.id() + " could not be written: " + e.getMessage(), e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String holder(Assignment a, Shown shown, Words w) {
    if (a.member() == null) {
      return w.say("map.open");
    }
    String as = shown.as(a.member());
    return as == null ? w.say("member.hidden") : as;
  }
}
