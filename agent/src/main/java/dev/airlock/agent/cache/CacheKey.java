package dev.airlock.agent.cache;

import java.util.Arrays;

/**
 * The identity of one cacheable request: the SHA-256 digest of its canonical form (see {@link
 * CacheKeys}), so every key has the same small size however large the prompt.
 *
 * <p>Two keys are equal exactly when their digests are equal. The digest covers the endpoint, the
 * target that answers, the tenant and the canonical body, so equal keys never mix answers across
 * tenants, models or targets (short of a SHA-256 collision). Immutable and thread-safe.
 */
public final class CacheKey {

  /** Bytes in a digest. */
  public static final int DIGEST_BYTES = 32;

  /**
   * What one key costs in memory, for the cache's weigher: the digest array (16 header + 32),
   * this object (16 header + reference + hash), and Caffeine's node for the entry (~48).
   */
  static final int WEIGHT = 16 + DIGEST_BYTES + 24 + 48;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final byte[] digest;
  private final int hash;

  /** Takes ownership of {@code digest}; callers in this package pass a fresh array. */
  CacheKey(byte[] digest) {
    if (digest.length != DIGEST_BYTES) {
      throw new IllegalArgumentException("a digest has " + DIGEST_BYTES + " bytes, not " + digest.length);
    }
    this.digest = digest;
    // A SHA-256 digest is uniformly distributed: its first four bytes are as good a hash as any.
    this.hash = (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
  }

  /**
   * A key from a digest produced elsewhere, e.g. read back from a shared store.
   *
   * @param digest the {@value #DIGEST_BYTES} bytes of a SHA-256 digest; copied
   * @throws IllegalArgumentException when the array is not {@value #DIGEST_BYTES} bytes long
   */
  public static CacheKey ofDigest(byte[] digest) {
    return new CacheKey(digest.clone());
  }

  /** A copy of the digest. */
  public byte[] digest() {
    return digest.clone();
  }

  /** The digest as 64 lower-case hexadecimal digits, e.g. for a key in a shared store. */
  public String hex() {
    char[] out = new char[DIGEST_BYTES * 2];
    for (int i = 0; i < DIGEST_BYTES; i++) {
      out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[digest[i] & 0xf];
    }
    return new String(out);
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof CacheKey && hash == ((CacheKey) o).hash && Arrays.equals(digest, ((CacheKey) o).digest));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  /** The first 12 hex digits: enough to tell keys apart in a log, nothing about the prompt. */
  @Override
  public String toString() {
    return "CacheKey{" + hex().substring(0, 12) + '}';
  }
}
