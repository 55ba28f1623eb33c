package org.trackmycrime.portal.staff;

import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.staff.internal.StaffSite;

/**
 * The staff pages, ready to mount in a host at their own path, apart from the victim portal:
 * Command Hub inbox and triage, the officer console (crimes, obligations, updates with a
 * depersonalisation preview, risk assessments, opt-outs, forwarded messages) and the supervisor's
 * compliance report with its CSV. GOV.UK styles, English only, no JavaScript needed.
 *
 * <pre>{@code
 * Router staff = StaffPortalWeb.builder(tmc, hostStaffIdentity)
 *     .basePath("/staff/")
 *     .build()
 *     .routes();
 * }</pre>
 *
 * <p>Who is signed in comes from the host's {@link StaffIdentity} on every request; every action
 * goes through {@link StaffConsole}, so a member sees only their own force (404 for anything else)
 * and only what their roles allow (403). Pages are {@code no-store}; forms carry a CSRF token.
 */
public final class StaffPortalWeb {
  private final StaffSite site;

  private StaffPortalWeb(Builder b) {
    this.site =
        new StaffSite(
            new StaffSite.Config(
                b.tmc, new StaffConsole(b.tmc), b.identity, b.demo, b.basePath, b.serviceName));
  }

  /**
   * @param identity the host's staff sign-in; a {@link DemoStaffIdentity} also adds its demo
   *     sign-in page
   */
  public static Builder builder(TrackMyCrime tmc, StaffIdentity identity) {
    return new Builder(tmc, identity);
  }

  /** A new router holding every staff page and the assets. */
  public Router routes() {
    Router router = new Router();
    site.register(router);
    return router;
  }

  /** Configuration. */
  public static final class Builder {
    private final TrackMyCrime tmc;
    private final StaffIdentity identity;
    private final DemoStaffIdentity demo;
    private String basePath = "/staff/";
    private String serviceName;

    private Builder(TrackMyCrime tmc, StaffIdentity identity) {
      if (tmc == null || identity == null) {
        throw new IllegalArgumentException("tmc and identity: are required");
      }
      this.tmc = tmc;
      this.identity = identity;
      this.demo = identity instanceof DemoStaffIdentity d ? d : null;
    }

    /** Where the host mounts the staff pages: "/staff/" (default) or another path. */
    public Builder basePath(String value) {
      if (value == null || !value.matches("/([A-Za-z0-9_-]+/?)*")) {
        throw new IllegalArgumentException(
            "basePath: must be / or a path of letters, digits, - and _ segments");
      }
      this.basePath = value.endsWith("/") ? value : value + "/";
      return this;
    }

    /** The name in the header (default "Track my crime: staff"). */
    public Builder serviceName(String value) {
      this.serviceName = value;
      return this;
    }

    public StaffPortalWeb build() {
      return new StaffPortalWeb(this);
    }
  }
}
