package org.trackmycrime.benchmarks;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A data source that counts the SQL statements prepared and the commits made through its
 * connections: the deterministic measure of a page's database round trips (the throughput figures
 * are noisy on a shared machine).
 */
final class CountingDataSource {
  private final AtomicLong statements = new AtomicLong();
  private final AtomicLong commits = new AtomicLong();
  private final DataSource counted;

  CountingDataSource(DataSource target) {
    this.counted = proxy(DataSource.class, target, this::onDataSource);
  }

  DataSource dataSource() {
    return counted;
  }

  long statements() {
    return statements.get();
  }

  long commits() {
    return commits.get();
  }

  private Object onDataSource(Object target, Method m, Object[] args) throws Throwable {
    Object result = call(target, m, args);
    if (result instanceof Connection c && m.getName().equals("getConnection")) {
      return proxy(Connection.class, c, this::onConnection);
    }
    return result;
  }

  private Object onConnection(Object target, Method m, Object[] args) throws Throwable {
    switch (m.getName()) {
      case "prepareStatement", "createStatement", "prepareCall" -> statements.incrementAndGet();
      case "commit" -> commits.incrementAndGet();
      default -> {}
    }
    return call(target, m, args);
  }

  private interface Handler {
    Object handle(Object target, Method m, Object[] args) throws Throwable;
  }

  private static Object call(Object target, Method m, Object[] args) throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler h = (p, m, args) -> handler.handle(target, m, args);
    return type.cast(
        Proxy.newProxyInstance(
            CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, h));
  }
}
