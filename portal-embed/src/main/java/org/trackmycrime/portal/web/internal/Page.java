package org.trackmycrime.portal.web.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.text.VictimTexts;

/**
 * What the shared layout ({@code layout.jte}) needs to draw a page around its content: language,
 * title, where the site is mounted, the navigation, the CSRF token of the session and the exit
 * link. Built per request by {@link Page.Builder}; templates read texts through {@link #t} and
 * build links through {@link #url}.
 */
public final class Page {
  /** One item of the service navigation. */
  public record NavItem(String href, String label, boolean active) {}

  private final Texts texts;
  private final String basePath;
  private final String path;
  private final String title;
  private final String csrfToken;
  private final boolean signedIn;
  private final String serviceName;
  private final String organisationName;
  private final String exitUrl;
  private final List<NavItem> nav;
  private final boolean hasErrors;
  private final ZoneId zone;

  private Page(Builder b) {
    this.texts = b.texts;
    this.basePath = b.basePath;
    this.path = b.path;
    this.title = b.title;
    this.csrfToken = b.csrfToken;
    this.signedIn = b.signedIn;
    this.serviceName = b.serviceName;
    this.organisationName = b.organisationName;
    this.exitUrl = b.exitUrl;
    this.nav = List.copyOf(b.nav);
    this.hasErrors = b.hasErrors;
    this.zone = b.zone;
  }

  public static Builder builder(Texts texts, String basePath) {
    return new Builder(texts, basePath);
  }

  /** A text of the page's language. */
  public String t(String key) {
    return texts.get(key);
  }

  /** A text with arguments. */
  public String f(String key, Object... args) {
    return texts.format(key, args);
  }

  public Texts texts() {
    return texts;
  }

  public Language language() {
    return texts.language();
  }

  public String lang() {
    return texts.language().code();
  }

  /** A path on this site, relative to where the portal is mounted ("crimes" → "/portal/crimes"). */
  public String url(String relative) {
    return basePath + (relative.startsWith("/") ? relative.substring(1) : relative);
  }

  /** The link that shows this page in the other language. */
  public String switchUrl() {
    return url("language/" + otherLanguage().code() + "/" + path);
  }

  public Language otherLanguage() {
    return texts.language() == Language.CY ? Language.EN : Language.CY;
  }

  /** The full title: "Error: " when the form has errors, the page, the service, the owner. */
  public String fullTitle() {
    return (hasErrors ? t("layout.errorPrefix") + " " : "")
        + title
        + " – "
        + serviceName
        + " – "
        + organisationName;
  }

  public String title() {
    return title;
  }

  public String csrfToken() {
    return csrfToken;
  }

  public boolean signedIn() {
    return signedIn;
  }

  public String serviceName() {
    return serviceName;
  }

  public String organisationName() {
    return organisationName;
  }

  public String exitUrl() {
    return exitUrl;
  }

  public List<NavItem> nav() {
    return nav;
  }

  /** A date in the page's language: "Monday 2 March 2026" / "Dydd Llun 2 Mawrth 2026". */
  public String date(LocalDate date) {
    return date == null ? "" : VictimTexts.formatDate(date, texts.language());
  }

  /** An instant as a local date and time in the force's zone: "Monday 2 March 2026, 09:00". */
  public String dateTime(Instant at) {
    if (at == null) {
      return "";
    }
    var local = at.atZone(zone);
    return date(local.toLocalDate()) + ", " + DateTimeFormatter.ofPattern("HH:mm").format(local);
  }

  /** An instant as an ISO date-time for a {@code <time datetime>} attribute. */
  public String iso(Instant at) {
    return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone));
  }

  /** Splits stored text into paragraphs at blank lines (each rendered escaped). */
  public List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.strip().split("\\R\\s*\\R"));
  }

  /** Splits one paragraph into lines (each rendered escaped, joined with {@code <br>}). */
  public List<String> lines(String paragraph) {
    return List.of(paragraph.split("\\R"));
  }

  /** Configuration of a page. */
  public static final class Builder {
    private final Texts texts;
    private final String basePath;
    private String path = "";
    private String title = "";
    private String csrfToken;
    private boolean signedIn;
    private String serviceName = "";
    private String organisationName = "";
    private String exitUrl = "https://www.bbc.co.uk/weather";
    private List<NavItem> nav = List.of();
    private boolean hasErrors;
    private ZoneId zone = ZoneId.of("Europe/London");

    private Builder(Texts texts, String basePath) {
      this.texts = texts;
      this.basePath = basePath;
    }

    /** This page's path relative to the base, for the language switch (no leading slash). */
    public Builder path(String value) {
      this.path = value.startsWith("/") ? value.substring(1) : value;
      return this;
    }

    public Builder title(String value) {
      this.title = value;
      return this;
    }

    public Builder csrfToken(String value) {
      this.csrfToken = value;
      return this;
    }

    public Builder signedIn(boolean value) {
      this.signedIn = value;
      return this;
    }

    public Builder serviceName(String value) {
      this.serviceName = value;
      return this;
    }

    public Builder organisationName(String value) {
      this.organisationName = value;
      return this;
    }

    public Builder exitUrl(String value) {
      this.exitUrl = value;
      return this;
    }

    public Builder nav(List<NavItem> value) {
      this.nav = value;
      return this;
    }

    public Builder hasErrors(boolean value) {
      this.hasErrors = value;
      return this;
    }

    public Builder zone(ZoneId value) {
      this.zone = value;
      return this;
    }

    public Page build() {
      return new Page(this);
    }
  }
}
