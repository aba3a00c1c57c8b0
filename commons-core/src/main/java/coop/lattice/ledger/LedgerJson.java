package coop.lattice.ledger;

/**
 * The ledger's canonical JSON for any of its records (entries, events, terms, checkpoints): the
 * exact bytes that are hashed and signed, and strict decoding back.
 */
public final class LedgerJson {
  private LedgerJson() {}

  /** RFC 8785 canonical bytes of {@code value}, as written into the ledger. */
  public static byte[] canonicalBytes(Record value) {
    return EntryCodec.encode(value);
  }

  /** Decodes {@code bytes} into {@code type}; unknown or missing members and wrong types are errors. */
  public static <T extends Record> T decode(byte[] bytes, Class<T> type) {
    return EntryCodec.decode(bytes, type);
  }
}
