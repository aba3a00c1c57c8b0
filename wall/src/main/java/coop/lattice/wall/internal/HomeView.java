package coop.lattice.wall.internal;

import coop.lattice.agreement.AgreementTerms;
import coop.lattice.collective.AgendaItem;
import coop.lattice.collective.AgreementRecord;
import coop.lattice.collective.Collective;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The collective's home: what it is, how to join, the agreements in force with their review
 * dates and decision rules, and the agenda of the next meeting.
 *
 * @param name the collective's name
 * @param id its id, the last segment of its address
 * @param actor its ActivityPub address, which people follow from the fediverse
 * @param handle its fediverse handle ({@code @id@host})
 * @param members how many members it has (a count, nobody named)
 * @param entries how many entries its ledger holds
 * @param agreements the agreements, by title
 * @param agenda the next meeting's agenda, in the order it is taken up
 */
public record HomeView(String name, String id, String actor, String handle, long members, long entries,
    List<Agreement> agreements, List<Item> agenda) {

  /** An agreement as the wall shows it; {@code rule} and {@code status} are bundle keys. */
  public record Agreement(String title, String text, String scope, long version, LocalDate reviewOn, String rule,
      String status) {}

  /**
   * An item on the agenda; {@code kind} is a bundle key; {@code detail} is the collective's own
   * sentence for the meeting, in English, quoting what members wrote (an objection's reason, a
   * tension's public summary).
   */
  public record Item(String kind, String subject, String detail, Instant since) {}

  static HomeView of(Collective c, String actor, String host, Instant now) {
    List<Agreement> agreements = c.agreements().all().stream()
        .sorted(Comparator.comparing((AgreementRecord a) -> a.terms().title()))
        .map(a -> agreement(a, now)).toList();
    List<Item> agenda = c.agenda(now).stream().map(HomeView::item).toList();
    return new HomeView(c.name(), c.id().value(), actor, "@" + c.id().value() + "@" + host, c.members().size(),
        c.ledger().size(), agreements, agenda);
  }

  private static Agreement agreement(AgreementRecord a, Instant now) {
    AgreementTerms t = a.terms();
    return new Agreement(t.title(), t.text(), t.scope(), a.version(), t.reviewOn(), "rule." + t.rule().kind().name(),
        "status." + a.statusAt(now).name());
  }

  private static Item item(AgendaItem i) {
    return new Item("agenda." + i.kind().name(), i.subject(), i.detail(), i.since());
  }
}
