package org.trackmycrime.core.internal.jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * How an audit row is hashed into its force's chain: SHA-256 of the previous row's hash and the
 * row's canonical text. The canonical text lists the sequence number and every column as stored,
 * each prefixed by its length (-1 for null), so no two different rows share one text.
 */
public final class AuditChain {
  /** The "previous hash" of a force's first entry. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The stored values of one audit row, as hashed. */
  public record Row(
      long sequence,
      String force,
      Instant at,
      String actor,
      String action,
      String subjectType,
      String subjectRef,
      String crimeRef,
      String detail,
      String purpose) {}

  public static String hash(String previousHash, Row row) {
    StringBuilder text = new StringBuilder(previousHash).append('\n');
    field(text, Long.toString(row.sequence()));
    field(text, row.force());
    field(text, Db.stored(row.at()).toString());
    field(text, row.actor());
    field(text, row.action());
    field(text, row.subjectType());
    field(text, row.subjectRef());
    field(text, row.crimeRef());
    field(text, row.detail());
    field(text, row.purpose());
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static void field(StringBuilder text, String value) {
    if (value == null) {
      text.append("-1:");
    } else {
      text.append(value.length()).append(':').append(value);
    }
    text.append('|');
  }
}
