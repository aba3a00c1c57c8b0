package coop.lattice.federation.keys;

import coop.lattice.store.PrivateFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * An actor's signing keys: RSA-2048 for draft-cavage signatures as Mastodon speaks them, and
 * Ed25519 for RFC 9421 and FEP-521a {@code assertionMethod}. Kept in a file of their own,
 * written atomically, created on first use, readable by its owner only: on a POSIX file system
 * the file is created with permissions {@code 0600} before a key is written into it, and a key
 * file that other users could read or write is refused ({@link KeyFileExposedException}) rather
 * than used. File systems without POSIX permissions are left to their own access rules.
 */
public final class ActorKeys {
  private final KeyPair rsa;
  private final KeyPair ed25519;

  private ActorKeys(KeyPair rsa, KeyPair ed25519) {
    this.rsa = rsa;
    this.ed25519 = ed25519;
  }

  /** Loads the keys in {@code file}, or makes new ones and stores them there. */
  public static ActorKeys loadOrCreate(Path file) {
    return Files.exists(file) ? load(file) : create(file);
  }

  private static ActorKeys load(Path file) {
    try {
      checkPrivate(file);
      Properties p = new Properties();
      try (var in = Files.newInputStream(file)) {
        p.load(in);
      }
      return new ActorKeys(pair("RSA", p.getProperty("rsa.private"), p.getProperty("rsa.public")),
          pair("Ed25519", p.getProperty("ed25519.private"), p.getProperty("ed25519.public")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the actor keys in " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes new keys and stores them in {@code file}, replacing any there (atomically): a key rotation. */
  public static ActorKeys create(Path file) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      ActorKeys keys = new ActorKeys(g.generateKeyPair(), KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
      Properties p = new Properties();
      Base64.Encoder b = Base64.getEncoder();
      p.setProperty("rsa.private", b.encodeToString(keys.rsa.getPrivate().getEncoded()));
      p.setProperty("rsa.public", b.encodeToString(keys.rsa.getPublic().getEncoded()));
      p.setProperty("ed25519.private", b.encodeToString(keys.ed25519.getPrivate().getEncoded()));
      p.setProperty("ed25519.public", b.encodeToString(keys.ed25519.getPublic().getEncoded()));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      p.store(out, "actor keys: keep private");
      PrivateFiles.write(file, out.toByteArray());
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the actor keys in " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Refuses a key file that users other than its owner may read or write. */
  private static void checkPrivate(Path file) throws IOException {
    Optional<String> exposed = PrivateFiles.exposure(file);
    if (exposed.isPresent()) {
      throw new KeyFileExposedException(file, "The actor keys in " + file + " can be " + exposed.get().replace(" (",
          " by other users of this machine (permissions ") + ", and whoever reads them can sign as the collective,"
          + " so they are not loaded. Make the file private with `chmod 600 " + file + "`, and rotate the keys if"
          + " someone else may have read them.");
    }
  }

  private static KeyPair pair(String alg, String priv, String pub) throws GeneralSecurityException {
    KeyFactory f = KeyFactory.getInstance(alg);
    return new KeyPair(f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub))),
        f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv))));
  }

  public PrivateKey rsaPrivate() {
    return rsa.getPrivate();
  }

  public PublicKey rsaPublic() {
    return rsa.getPublic();
  }

  public PrivateKey ed25519Private() {
    return ed25519.getPrivate();
  }

  public PublicKey ed25519Public() {
    return ed25519.getPublic();
  }

  /** The RSA public key as a PEM SubjectPublicKeyInfo, for {@code publicKeyPem}. */
  public String rsaPem() {
    return pem(rsa.getPublic());
  }

  /** {@code key} as a PEM SubjectPublicKeyInfo. */
  public static String pem(PublicKey key) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
  }

  /** Reads a PEM SubjectPublicKeyInfo (RSA or Ed25519). */
  public static PublicKey fromPem(String pem) throws GeneralSecurityException {
    String b64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(b64);
    X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePublic(spec);
    } catch (GeneralSecurityException e) {
      return KeyFactory.getInstance("Ed25519").generatePublic(spec);
    }
  }

  /** The Ed25519 key as FEP-521a {@code publicKeyMultibase}: base58btc of 0xed 0x01 and the 32 key bytes. */
  public String ed25519Multibase() {
    return multibase(ed25519.getPublic());
  }

  /** An Ed25519 public key as FEP-521a {@code publicKeyMultibase}: base58btc of 0xed 0x01 and the 32 key bytes. */
  public static String multibase(PublicKey ed25519Public) {
    byte[] spki = ed25519Public.getEncoded();
    byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    byte[] prefixed = new byte[34];
    prefixed[0] = (byte) 0xed;
    prefixed[1] = 0x01;
    System.arraycopy(raw, 0, prefixed, 2, 32);
    return "z" + base58(prefixed);
  }

  /** Reads an Ed25519 {@code publicKeyMultibase}. */
  public static PublicKey fromMultibase(String multibase) throws GeneralSecurityException {
    if (!multibase.startsWith("z")) {
      throw new GeneralSecurityException("only base58btc multibase keys are supported");
    }
    if (multibase.length() > 1 + 47) { // 34 bytes (0xed 0x01 and the key) take at most 47 digits
      throw new GeneralSecurityException("not an Ed25519 multikey: " + multibase.length() + " characters");
    }
    byte[] bytes = unbase58(multibase.substring(1));
    if (bytes.length != 34 || (bytes[0] & 0xff) != 0xed || bytes[1] != 0x01) {
      throw new GeneralSecurityException("not an Ed25519 multikey");
    }
    byte[] spki = new byte[44];
    byte[] prefix = java.util.HexFormat.of().parseHex("302a300506032b6570032100");
    System.arraycopy(prefix, 0, spki, 0, 12);
    System.arraycopy(bytes, 2, spki, 12, 32);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }

  static String base58(byte[] input) {
    return Base58.encode(input);
  }

  static byte[] unbase58(String s) throws GeneralSecurityException {
    try {
      return Base58.decode(s);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }
}
