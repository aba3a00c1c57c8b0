package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.ledger.Checkpoint;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The signature primitives Lattice's paths are built on, one thread, 300-byte messages, so that
 * each path's figure can be read against the primitive's limit measured in the same run:
 * a checkpoint signed and verified (what every checkpoint, repair statement and cosignature
 * costs), Ed25519 through the core's keys (BouncyCastle) and through the JDK, and RSA-2048
 * (what a delivery to a server that speaks only draft-cavage must pay once).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SignatureBenchmark {

  @State(Scope.Thread)
  public static class Keys {
    CollectiveKey key;
    byte[] message;
    byte[] signature;
    KeyPair jdkEd25519;
    byte[] jdkSignature;
    KeyPair rsa;
    byte[] rsaSignature;
    Checkpoint checkpoint;

    /** One seed per thread: two threads never sign the same messages with the same key. */
    @Setup(Level.Trial)
    public void make(ThreadParams thread) throws GeneralSecurityException {
      SplittableRandom random = new SplittableRandom(42 + thread.getThreadIndex());
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      key = CollectiveKey.fromSeed(seed);
      message = new byte[300];
      random.nextBytes(message);
      signature = key.sign(message);
      jdkEd25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      jdkSignature = jdk("Ed25519", jdkEd25519, message);
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      rsa = g.generateKeyPair();
      rsaSignature = jdk("SHA256withRSA", rsa, message);
      byte[] root = new byte[32];
      random.nextBytes(root);
      checkpoint = new Checkpoint(CollectiveId.of("bench-" + thread.getThreadIndex()), 1_000_000,
          Hash.of(root), Instant.parse("2026-12-01T00:00:00Z"));
    }

    private static byte[] jdk(String alg, KeyPair pair, byte[] message) throws GeneralSecurityException {
      Signature s = Signature.getInstance(alg);
      s.initSign(pair.getPrivate());
      s.update(message);
      return s.sign();
    }
  }

  /** A checkpoint signed, written as its bytes, read back and verified. */
  @Benchmark
  public boolean checkpointSignAndVerify(Keys k) {
    SignedCheckpoint signed = k.checkpoint.sign(k.key);
    boolean ok = SignedCheckpoint.parse(signed.toBytes()).verify(k.key.verificationKey());
    if (!ok) {
      throw new AssertionError("checkpoint did not verify");
    }
    return ok;
  }

  @Benchmark
  public byte[] ed25519Sign(Keys k) {
    return k.key.sign(k.message);
  }

  @Benchmark
  public boolean ed25519Verify(Keys k) {
    return check(k.key.verificationKey().verify(k.message, k.signature));
  }

  @Benchmark
  public byte[] jdkEd25519Sign(Keys k) throws GeneralSecurityException {
    return Keys.jdk("Ed25519", k.jdkEd25519, k.message);
  }

  @Benchmark
  public boolean jdkEd25519Verify(Keys k) throws GeneralSecurityException {
    return check(jdkVerify("Ed25519", k.jdkEd25519, k.message, k.jdkSignature));
  }

  @Benchmark
  public byte[] rsaSign(Keys k) throws GeneralSecurityException {
    return Keys.jdk("SHA256withRSA", k.rsa, k.message);
  }

  @Benchmark
  public boolean rsaVerify(Keys k) throws GeneralSecurityException {
    return check(jdkVerify("SHA256withRSA", k.rsa, k.message, k.rsaSignature));
  }

  private static boolean jdkVerify(String alg, KeyPair pair, byte[] message, byte[] sig) throws GeneralSecurityException {
    Signature s = Signature.getInstance(alg);
    s.initVerify(pair.getPublic());
    s.update(message);
    return s.verify(sig);
  }

  private static boolean check(boolean ok) {
    if (!ok) {
      throw new AssertionError("signature did not verify");
    }
    return ok;
  }
}
