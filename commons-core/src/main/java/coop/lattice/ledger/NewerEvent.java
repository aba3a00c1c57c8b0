package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import java.nio.charset.StandardCharsets;

/**
 * An event a newer version of Lattice wrote, in a format this one cannot read ({@link
 * EntryFormat}): kept as the canonical JSON it arrived as, so the entry hashes, chains and verifies
 * like any other, and never folded. A copy of a partner's ledger holds such entries and says which
 * it could not fold ({@code Replica.unread}); a collective's own ledger never has one (opening it
 * says to upgrade), and it is no command.
 *
 * @param type the event's type, as written
 * @param format the entry's format, newer than {@link EntryFormat#CURRENT}
 * @param canonical the event's RFC 8785 canonical JSON, exactly as it is hashed
 */
public record NewerEvent(String type, int format, String canonical) implements Event.Unread {
  public NewerEvent {
    checkArgument(format > EntryFormat.CURRENT, "an event in format %s is one this version reads, not a newer one",
        format);
    checkArgument(canonical.startsWith("{") && canonical.endsWith("}"), "an event is a JSON object");
  }

  byte[] bytes() {
    return canonical.getBytes(StandardCharsets.UTF_8);
  }
}
