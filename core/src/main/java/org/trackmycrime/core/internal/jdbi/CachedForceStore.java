package org.trackmycrime.core.internal.jdbi;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.store.ForceStore;

/**
 * The force store with {@link #find} cached: every portal page and cadence step reads its force,
 * which changes rarely. A save through this store drops the cached entry at once; a change made by
 * another node (or straight in the database) shows here within {@link #TTL}. Forces not found are
 * not cached. The entry's age is measured on the JVM's monotonic timer, not the domain clock (a
 * test's frozen clock must not keep an entry forever).
 */
public final class CachedForceStore implements ForceStore {
  /** How long a force read from the database is served from memory. */
  public static final Duration TTL = Duration.ofSeconds(5);

  private record Entry(Force force, long readAtNanos) {}

  private final ForceStore store;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();

  public CachedForceStore(ForceStore store) {
    this.store = store;
  }

  @Override
  public void save(Force force) {
    cache.remove(force.slug());
    try {
      store.save(force);
    } finally {
      cache.remove(force.slug());
    }
  }

  @Override
  public Optional<Force> find(String slug) {
    long now = System.nanoTime();
    Entry e = cache.get(slug);
    if (e != null && now - e.readAtNanos() < TTL.toNanos()) {
      return Optional.of(e.force());
    }
    Optional<Force> found = store.find(slug);
    if (found.isPresent()) {
      cache.put(slug, new Entry(found.get(), now));
    } else {
      cache.remove(slug);
    }
    return found;
  }

  @Override
  public List<Force> list() {
    return store.list();
  }
}
