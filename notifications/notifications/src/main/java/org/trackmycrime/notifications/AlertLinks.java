package org.trackmycrime.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.trackmycrime.notifications.internal.ChannelConfigs;

/**
 * The one rule for addresses that victims are sent to (portal links in alerts, invitation and reset
 * links): a full https address, or plain http on this machine only (a developer's demo server on
 * localhost). Used by {@link ForceMessaging}, {@link QueuedMessage} and the portal.
 */
public final class AlertLinks {
  private AlertLinks() {}

  /** True when {@code url} may be sent to a victim. */
  public static boolean allowed(URI url) {
    if (url == null || url.getHost() == null || url.getHost().isBlank()) {
      return false;
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https")
        || (scheme.equals("http") && ChannelConfigs.isLoopback(url.getHost()));
  }

  /** As {@link #allowed(URI)}, for text; false when it is not a URI at all. */
  public static boolean allowed(String url) {
    if (url == null) {
      return false;
    }
    try {
      return allowed(new URI(url));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
