package org.trackmycrime.notifications.internal;

import java.sql.SQLException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;

/**
 * Logs an unexpected failure without personal data. A database exception's message can carry the
 * statement's bound values (a victim's address, a sign-in link), so for those only the exception
 * classes are logged; other failures keep their stack trace, which holds code locations only.
 */
public final class SafeLog {
  private SafeLog() {}

  public static void failure(Logger log, String what, Throwable e) {
    StringBuilder chain = new StringBuilder();
    boolean database = false;
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getName());
      database |= t instanceof JdbiException || t instanceof SQLException;
    }
    if (database) {
      log.error("{}: {}", what, chain);
    } else {
      log.error("{}: {}", what, chain, e);
    }
  }
}
