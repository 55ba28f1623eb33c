package org.trackmycrime.portal.web;

import java.security.SecureRandom;
import java.util.List;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.notifications.AlertLinks;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.web.internal.VictimSite;

/**
 * The victim portal's pages and JSON API, ready to mount in a host. Server-rendered GOV.UK pages in
 * English and Welsh that work without JavaScript, and the same data as JSON under {@code
 * <base>api/}.
 *
 * <pre>{@code
 * Router router = VictimPortalWeb.builder(tmc, victimPortal)
 *     .basePath("/")                      // where the host mounts it
 *     .force("demo-force")                // the force whose victims sign in here
 *     .supportServices(List.of(new SupportService("Victim Support", text, "https://...", null)))
 *     .secretKey(keyFromTheHostsSecretStore)   // 32+ bytes: keeps crime ids stable across restarts
 *     .build()
 *     .routes();
 * JdkHttpServerAdapter.mount(server, router);
 * }</pre>
 *
 * <p>Every page a victim reaches after sign-in is theirs only: a crime is addressed by an opaque id
 * derived from it with the secret key, and any id that is not one of the signed-in victim's own
 * crimes gives 404, as does every id when nobody is signed in (the pages then send them to sign
 * in).
 */
public final class VictimPortalWeb {
  private final VictimSite site;

  private VictimPortalWeb(Builder b) {
    this.site =
        new VictimSite(
            new VictimSite.Config(
                b.tmc,
                b.portal,
                b.basePath,
                b.force,
                b.serviceName,
                b.exitUrl,
                List.copyOf(b.supportServices),
                b.secretKey,
                b.publicBaseUrl,
                b.mountPath));
  }

  public static Builder builder(TrackMyCrime tmc, VictimPortal portal) {
    return new Builder(tmc, portal);
  }

  /** A new router holding every page, the JSON API and the assets. */
  public Router routes() {
    Router router = new Router();
    site.register(router);
    return router;
  }

  /** Adds the pages, the JSON API and the assets to a host's router. */
  public void registerOn(Router router) {
    site.register(router);
  }

  /** Configuration; {@link #force} is required. */
  public static final class Builder {
    private final TrackMyCrime tmc;
    private final VictimPortal portal;
    private String basePath = "/";
    private String force;
    private String serviceName;
    private String exitUrl = "https://www.bbc.co.uk/weather";
    private List<SupportService> supportServices = List.of();
    private byte[] secretKey;
    private String publicBaseUrl;
    private String mountPath = "";

    private Builder(TrackMyCrime tmc, VictimPortal portal) {
      if (tmc == null || portal == null) {
        throw new IllegalArgumentException("tmc and portal: are required");
      }
      this.tmc = tmc;
      this.portal = portal;
    }

    /**
     * The path the pages are served under as the router sees it: "/" (default) or a path like
     * "/victims/". With an adapter that takes a mount path off before routing, see {@link
     * #mountPath}.
     */
    public Builder basePath(String value) {
      if (value == null || !value.matches("/([A-Za-z0-9_-]+/?)*")) {
        throw new IllegalArgumentException(
            "basePath: must be / or a path of letters, digits, - and _ segments");
      }
      this.basePath = value.endsWith("/") ? value : value + "/";
      return this;
    }

    /**
     * The path an adapter is mounted at and takes off before routing ({@code
     * JdkHttpServerAdapter.mount(server, "/victims", router)}, or the context and servlet path of
     * {@code PortalServlet} mapped to {@code /victims/*}); default "" (mounted at the root). Links,
     * forms and assets in the pages carry it; routes do not, and the adapters put it in front of
     * redirects themselves.
     */
    public Builder mountPath(String value) {
      if (value == null || !(value.isEmpty() || value.matches("(/[A-Za-z0-9_.-]+)+"))) {
        throw new IllegalArgumentException(
            "mountPath: must be empty or start with / and not end with /");
      }
      this.mountPath = value;
      return this;
    }

    /** The force (slug) whose victims sign in here. */
    public Builder force(String value) {
      this.force = value;
      return this;
    }

    /** The service's name in the header (default: the "service.name" text, "Track my crime"). */
    public Builder serviceName(String value) {
      this.serviceName = value;
      return this;
    }

    /** Where "Exit this page" goes (default https://www.bbc.co.uk/weather). */
    public Builder exitUrl(String value) {
      if (value == null || !value.matches("https://[^\\s\"<>]{1,300}")) {
        throw new IllegalArgumentException("exitUrl: must be an https:// address");
      }
      this.exitUrl = value;
      return this;
    }

    /** The local support services on the "Support and advice" page. */
    public Builder supportServices(List<SupportService> value) {
      this.supportServices = List.copyOf(value);
      return this;
    }

    /**
     * The key the opaque crime ids are derived with (at least 32 bytes). Default: random per start,
     * so ids (and bookmarks) change when the host restarts; give a stored key to keep them.
     */
    public Builder secretKey(byte[] value) {
      if (value == null || value.length < 32) {
        throw new IllegalArgumentException("secretKey: must be at least 32 bytes");
      }
      this.secretKey = value.clone();
      return this;
    }

    /**
     * The portal's public address ({@code https://...}, ending in the base path), for the links in
     * password reset messages. Without it there is no "forgot your password" journey (the portal
     * also needs a dispatcher, {@code VictimPortal.Builder.dispatcher}, to send them).
     */
    public Builder publicBaseUrl(String value) {
      if (value == null
          || !value.matches("https?://[^\\s\"<>?#]{1,300}/")
          || !AlertLinks.allowed(value)) {
        throw new IllegalArgumentException(
            "publicBaseUrl: must be an https:// address ending in / (plain http only on"
                + " localhost)");
      }
      this.publicBaseUrl = value;
      return this;
    }

    public VictimPortalWeb build() {
      if (force == null || force.isBlank()) {
        throw new IllegalArgumentException("force: is required");
      }
      if (tmc.forces().find(force).isEmpty()) {
        throw new IllegalArgumentException("force: no force " + force + " is configured");
      }
      if (secretKey == null) {
        secretKey = new byte[32];
        new SecureRandom().nextBytes(secretKey);
      }
      return new VictimPortalWeb(this);
    }
  }
}
