package org.trackmycrime.core.model;

import org.trackmycrime.core.internal.Checks;

/**
 * A police force: the tenant. Every other value belongs to exactly one force, and every query is
 * scoped by it.
 *
 * @param slug lower-case identifier such as {@code avon-and-somerset}
 * @param name the name shown to victims and staff
 */
public record Force(String slug, String name, ForceSettings settings) {
  public Force {
    new Checks()
        .slug("force.slug", slug)
        .text("force.name", name, 200)
        .notNull("force.settings", settings)
        .throwIfAny();
  }
}
