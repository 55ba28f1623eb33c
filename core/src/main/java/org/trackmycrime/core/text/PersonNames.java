package org.trackmycrime.core.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.trackmycrime.core.internal.Checks;

/**
 * The names by which one suspect or witness may appear in free text: the {@code names} array of a
 * {@code SUSPECT_IDENTIFIED} or {@code WITNESS_IDENTIFIED} event, for example {@code ["Jordan
 * Blake", "J. Blake"]}. Used only to find and remove those names; never shown.
 *
 * @param role whether the person is a suspect or a witness
 * @param names every known form of the name; null, blank and repeated entries are dropped
 */
public record PersonNames(Role role, List<String> names) {
  /** Which neutral words replace the person's name. */
  public enum Role {
    /** Replaced by "the suspect". */
    SUSPECT,
    /** Replaced by "a witness". */
    WITNESS
  }

  public PersonNames {
    new Checks().notNull("role", role).throwIfAny();
    names =
        names == null
            ? List.of()
            : names.stream()
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .distinct()
                .toList();
  }

  /** A suspect known by the given names. */
  public static PersonNames suspect(String... names) {
    return new PersonNames(Role.SUSPECT, names == null ? List.of() : Arrays.asList(names));
  }

  /** A witness known by the given names. */
  public static PersonNames witness(String... names) {
    return new PersonNames(Role.WITNESS, names == null ? List.of() : Arrays.asList(names));
  }

  /** The role and how many names, never the names themselves. */
  @Override
  public String toString() {
    return "PersonNames[role=" + role + ", names=" + names.size() + "]";
  }
}
