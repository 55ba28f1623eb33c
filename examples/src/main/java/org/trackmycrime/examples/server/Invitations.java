package org.trackmycrime.examples.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.portal.PortalException;
import org.trackmycrime.portal.VictimPortal;

/**
 * Invites every victim who has become eligible (enrolled and assessed suitable, with an email
 * address or mobile number) and has neither an invitation nor an account link yet: by email when
 * they have one, otherwise by text. Run every few seconds by the server; each run takes a bounded
 * batch, and {@link VictimPortal#sendInvitation} checks eligibility again, so a victim who opted
 * out in the meantime is not invited.
 */
public final class Invitations {
  private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);
  private static final int BATCH = 200;

  private final DataSource dataSource;
  private final VictimPortal portal;
  private final String force;
  private final String portalUrl;

  /**
   * @param portalUrl the portal's public address, ending in "/"; activation links go under it
   */
  public Invitations(DataSource dataSource, VictimPortal portal, String force, String portalUrl) {
    this.dataSource = dataSource;
    this.portal = portal;
    this.force = force;
    this.portalUrl = portalUrl;
  }

  private record Candidate(String crimeRef, String victimRef, boolean hasEmail) {}

  /** Sends the invitations due now; returns how many were sent. */
  public int run() {
    int sent = 0;
    for (Candidate c : candidates()) {
      try {
        portal.sendInvitation(
            force,
            c.crimeRef(),
            c.victimRef(),
            c.hasEmail() ? Channel.EMAIL : Channel.SMS,
            Actor.system(),
            portalUrl);
        sent++;
      } catch (PortalException e) {
        LOG.info(
            "no invitation for force={} crime={} victim={}: {}",
            force,
            c.crimeRef(),
            c.victimRef(),
            e.getClass().getSimpleName());
      }
    }
    return sent;
  }

  private List<Candidate> candidates() {
    String sql =
        "SELECT v.crime_ref, v.victim_ref, v.email FROM tmc_victim v"
            + " WHERE v.force_slug = ? AND v.consent = 'ENROLLED' AND v.risk = 'SUITABLE'"
            + " AND (v.email IS NOT NULL OR v.mobile IS NOT NULL)"
            + " AND NOT EXISTS (SELECT 1 FROM tmc_portal_invitation i WHERE i.force_slug ="
            + " v.force_slug AND i.crime_ref = v.crime_ref AND i.victim_ref = v.victim_ref)"
            + " AND NOT EXISTS (SELECT 1 FROM tmc_portal_account_victim a WHERE a.force_slug ="
            + " v.force_slug AND a.crime_ref = v.crime_ref AND a.victim_ref = v.victim_ref)"
            + " ORDER BY v.crime_ref FETCH FIRST "
            + BATCH
            + " ROWS ONLY";
    List<Candidate> list = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, force);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          list.add(new Candidate(rs.getString(1), rs.getString(2), rs.getString(3) != null));
        }
      }
    } catch (SQLException e) {
      LOG.warn("invitation run could not read the victims: {}", e.getClass().getSimpleName());
    }
    return list;
  }
}
