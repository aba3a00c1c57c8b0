package coop.lattice.benchmarks;

import coop.lattice.ledger.CollectiveKey;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The signature primitive's limit on this machine, measured in the JVM that just ran a load: as
 * many threads as cores, each signing 300-byte messages with its own key for a stated time, so
 * that a path's throughput can be quoted as a share of what the primitive allows in the same run.
 */
final class SigningLimit {
  private SigningLimit() {}

  /** Signatures per second per core: {@code alg} is {@code RSA} (RSA-2048, the JDK) or {@code Ed25519} (the core's key). */
  static double perCore(String alg, int threads, double seconds) throws InterruptedException {
    AtomicLong signed = new AtomicLong();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      Thread thread = new Thread(() -> {
        try {
          Signer s = signer(alg, seed);
          byte[] message = new byte[300];
          new SplittableRandom(seed).nextBytes(message);
          for (int i = 0; i < 50; i++) {
            s.sign(message); // warm
          }
          long n = 0;
          while (System.nanoTime() < deadline) {
            message[(int) (n % message.length)]++;
            s.sign(message);
            n++;
          }
          signed.addAndGet(n);
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException(e);
        }
      });
      running.add(thread);
      thread.start();
    }
    for (Thread t : running) {
      t.join();
    }
    return signed.get() / seconds / threads;
  }

  private interface Signer {
    void sign(byte[] message) throws GeneralSecurityException;
  }

  private static Signer signer(String alg, int seed) throws GeneralSecurityException {
    if (alg.equals("Ed25519")) {
      byte[] s = new byte[32];
      new SplittableRandom(seed).nextBytes(s);
      CollectiveKey key = CollectiveKey.fromSeed(s);
      return key::sign;
    }
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair pair = g.generateKeyPair();
    PrivateKey key = pair.getPrivate();
    return m -> {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(m);
      s.sign();
    };
  }
}
