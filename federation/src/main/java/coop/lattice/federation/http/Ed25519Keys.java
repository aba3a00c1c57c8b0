package coop.lattice.federation.http;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.UncheckedExecutionException;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.VerificationKey;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * JCA Ed25519 keys as the core's BouncyCastle-backed {@link CollectiveKey} and
 * {@link VerificationKey}, made once per key object: decoding a public point costs about a
 * tenth of a verification, and the same key objects (the node's own, a remote actor's from the
 * key cache) sign and verify thousands of times. Keys are held weakly, by identity.
 */
final class Ed25519Keys {
  private static final Cache<Key, Object> MADE = CacheBuilder.newBuilder().weakKeys().build();

  private Ed25519Keys() {}

  static CollectiveKey signing(Key key) throws InvalidKeyException {
    if (!(key instanceof EdECPrivateKey ed)) {
      throw new InvalidKeyException("not an Ed25519 private key: " + key.getAlgorithm());
    }
    return (CollectiveKey) made(key, () -> CollectiveKey.fromSeed(ed.getBytes()
        .orElseThrow(() -> new IllegalArgumentException("the Ed25519 private key does not expose its seed"))));
  }

  static VerificationKey verifying(Key key) throws InvalidKeyException {
    if (!(key instanceof PublicKey pub) || key instanceof PrivateKey) {
      throw new InvalidKeyException("not an Ed25519 public key: " + key.getAlgorithm());
    }
    return (VerificationKey) made(key, () -> VerificationKey.of(pub));
  }

  private static Object made(Key key, Callable<Object> make) throws InvalidKeyException {
    try {
      return MADE.get(key, make);
    } catch (ExecutionException | UncheckedExecutionException e) {
      throw new InvalidKeyException(e.getCause().getMessage(), e.getCause());
    }
  }
}
