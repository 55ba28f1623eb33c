package org.trackmycrime.portal;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Optional;

/**
 * Argon2id password hashing (password4j), by default with OWASP's minimum: m = 19 MiB (19456 KiB),
 * t = 2, p = 1, a 16-byte random salt and a 32-byte hash, stored in the standard PHC string ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$…}). A hash made with other parameters still verifies, and {@link
 * #verify} then returns a new hash to store (rehash on sign-in). Thread-safe.
 */
public final class PasswordHasher {
  /** The parameters of Argon2id: memory in KiB, iterations, parallelism. */
  public record Params(int memoryKib, int iterations, int parallelism) {
    public static final Params DEFAULT = new Params(19_456, 2, 1);

    public Params {
      if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
        throw new IllegalArgumentException("invalid Argon2id parameters");
      }
    }
  }

  /** The result of checking a password: whether it matched, and a new hash to store if due. */
  public record Verification(boolean matches, Optional<String> rehash) {
    @Override
    public String toString() {
      return "Verification[matches=" + matches + ", rehash=" + rehash.isPresent() + "]";
    }
  }

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;

  private final Params params;
  private final Argon2Function function;

  public PasswordHasher(Params params) {
    this.params = params;
    this.function =
        Argon2Function.getInstance(
            params.memoryKib(), params.iterations(), params.parallelism(), HASH_BYTES, Argon2.ID);
  }

  public static PasswordHasher defaults() {
    return new PasswordHasher(Params.DEFAULT);
  }

  public Params params() {
    return params;
  }

  /** Hashes a password; refuses one longer than {@link PasswordPolicy#MAX_LENGTH} unhashed. */
  public String hash(CharSequence password) {
    if (password == null || password.length() > PasswordPolicy.MAX_LENGTH * 2) {
      throw new IllegalArgumentException("password missing or too long to hash");
    }
    return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
  }

  /**
   * Checks a password against a stored hash. Too-long passwords and unreadable hashes do not match
   * (without hashing). A match on a hash with other parameters returns a new hash in {@code
   * rehash}.
   */
  public Verification verify(CharSequence password, String storedHash) {
    if (password == null
        || password.length() > PasswordPolicy.MAX_LENGTH * 2
        || storedHash == null
        || !storedHash.startsWith("$argon2")) {
      return new Verification(false, Optional.empty());
    }
    Argon2Function stored;
    try {
      stored = Argon2Function.getInstanceFromHash(storedHash);
    } catch (RuntimeException e) {
      return new Verification(false, Optional.empty());
    }
    boolean matches = stored.check(password, storedHash);
    boolean outdated =
        stored.getVariant() != Argon2.ID
            || stored.getMemory() != params.memoryKib()
            || stored.getIterations() != params.iterations()
            || stored.getParallelism() != params.parallelism();
    return new Verification(
        matches, matches && outdated ? Optional.of(hash(password)) : Optional.empty());
  }
}
