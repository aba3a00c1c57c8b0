package coop.lattice.collective;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import coop.lattice.MemberId;
import coop.lattice.PrivateDataException;
import coop.lattice.canonical.CanonicalJson;
import coop.lattice.exchange.ClaimDetails;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Vault;
import coop.lattice.store.PrivateArea;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the open ledger leaves out of the aid fund's claims: for each claim's seal, who filed it
 * and the {@link ClaimDetails} (the claimant and why). Kept encrypted in the store's private area
 * ({@code aid-claims}, sealed by the collective's {@link Vault}), so the rules that need the
 * claimant (a claimant never decides on their own claim) hold after a restart too. Mirrors have
 * none of it and cannot check those rules.
 *
 * <p>Each change rewrites the file whole, durably, before the entry it belongs to is appended: a
 * claim on the ledger always has its details here, unless a crash came between the two, in which
 * case the details are kept for a claim that never was (never shown: every read starts from a
 * claim on the ledger).
 */
final class SealedClaims {
  static final String FILE = "aid-claims";
  private static final JsonFactory JSON = new JsonFactory();

  /** Who filed a claim and its details: never on the ledger. */
  record Sealed(MemberId filedBy, ClaimDetails details) {
    /** Whether {@code member} filed this claim or is the one it would help. */
    boolean involves(MemberId member) {
      return filedBy.equals(member) || details.claimant().equals(member);
    }
  }

  private final PrivateRecords<Hash, Sealed> kept;

  private SealedClaims(PrivateRecords<Hash, Sealed> kept) {
    this.kept = kept;
  }

  /** None at all, and none can be kept: what a copy of another collective's ledger has. */
  static SealedClaims none() {
    return new SealedClaims(PrivateRecords.none(FILE, s -> s.details().seal()));
  }

  /** The sealed claims kept in {@code area}, opened with {@code vault}. */
  static SealedClaims open(PrivateArea area, Vault vault) {
    return new SealedClaims(PrivateRecords.open(area, vault, FILE, s -> s.details().seal(), SealedClaims::encode,
        plain -> decode(plain).values()));
  }

  boolean isEmpty() {
    return kept.isEmpty();
  }

  Optional<Sealed> get(Hash seal) {
    return kept.get(seal);
  }

  /** Keeps {@code sealed} durably under its details' seal. */
  void put(Sealed sealed) {
    kept.put(sealed);
  }

  /** Drops what is kept under {@code seal}, durably: for a claim the ledger refused. */
  void remove(Hash seal) {
    kept.remove(seal);
  }

  /** Drops every claim {@code member} filed or would be helped by, durably: for a member who is forgotten. */
  void forget(MemberId member) {
    kept.removeIf(c -> c.involves(member));
  }

  private static byte[] encode(Collection<Sealed> claims) {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Sealed s : claims) {
      ClaimDetails d = s.details();
      rows.add(Map.of("filedBy", s.filedBy().value(), "claimant", d.claimant().value(), "circumstances",
          d.circumstances(), "salt", d.salt()));
    }
    return CanonicalJson.encode(rows);
  }

  private static Map<Hash, Sealed> decode(byte[] plain) {
    Map<Hash, Sealed> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(plain)) {
      expect(p.nextToken() == JsonToken.START_ARRAY);
      while (p.nextToken() == JsonToken.START_OBJECT) {
        Map<String, String> row = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          expect(p.nextToken() == JsonToken.VALUE_STRING);
          row.put(name, p.getText());
        }
        ClaimDetails d = new ClaimDetails(MemberId.of(field(row, "claimant")), field(row, "circumstances"),
            field(row, "salt"));
        out.put(d.seal(), new Sealed(MemberId.of(field(row, "filedBy")), d));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new PrivateDataException("The sealed claims (" + FILE + ") opened but do not read as claims: " + e.getMessage()
          + ". Restore the file from the backup taken with the journal.", e);
    }
    return out;
  }

  private static String field(Map<String, String> row, String name) {
    String v = row.get(name);
    expect(v != null);
    return v;
  }

  private static void expect(boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException("a row is not an object of the four string fields");
    }
  }
}
