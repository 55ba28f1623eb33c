package org.trackmycrime.portal.web.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trackmycrime.core.TrackMyCrime;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.messaging.MessageThread;
import org.trackmycrime.core.messaging.MessageTopic;
import org.trackmycrime.core.messaging.MessagingException;
import org.trackmycrime.core.messaging.NewVictimMessage;
import org.trackmycrime.core.messaging.PropertyDetails;
import org.trackmycrime.core.model.Actor;
import org.trackmycrime.core.model.AuditAction;
import org.trackmycrime.core.model.AuditEvent;
import org.trackmycrime.core.model.Crime;
import org.trackmycrime.core.model.CrimeStatus;
import org.trackmycrime.core.model.Force;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.core.model.Officer;
import org.trackmycrime.core.model.PropertyItem;
import org.trackmycrime.core.model.TimelineEntry;
import org.trackmycrime.core.model.VictimMessage;
import org.trackmycrime.portal.PortalSession;
import org.trackmycrime.portal.SessionCookie;
import org.trackmycrime.portal.SignInResult;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.http.PortalRequest;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.web.SupportService;

/**
 * The victim pages: routes, handlers and the models their templates draw. Every handler after
 * sign-in goes through {@link #signedIn}: no session → the sign-in page; a crime id that is not one
 * of the session's own crimes → 404.
 */
public final class VictimSite {
  /** What the site is configured with (see {@code VictimPortalWeb.Builder}). */
  public record Config(
      TrackMyCrime tmc,
      VictimPortal portal,
      String basePath,
      String force,
      String serviceName,
      String exitUrl,
      List<SupportService> supportServices,
      byte[] secretKey,
      String publicBaseUrl,
      String mountPath) {}

  /** A signed-in request: the session, its id (cookie), the page language. */
  record Visit(PortalRequest request, String sessionId, PortalSession session, Language language) {}

  /** One crime the signed-in victim (the account holder) may read, with its opaque id. */
  public record CrimeRef(
      String id, String force, String crimeReference, String victimRef, String accountId) {}

  /** A crime as the pages show it. */
  public record CrimeView(
      CrimeRef ref,
      Crime crime,
      Officer officer,
      List<TimelineEntry> timeline,
      LocalDate nextUpdateDue) {
    public boolean closed() {
      return crime.status() == CrimeStatus.CLOSED;
    }
  }

  static final String INVITE_COOKIE = "__Host-tmc-invite";

  private final Config config;
  private final TrackMyCrime tmc;
  private final VictimPortal portal;
  private final String base;
  // what the browser sees: the adapter's mount path, then the base (links, forms, assets)
  private final String links;
  private final OpaqueIds ids;
  private final Assets assets;
  private final VictimAccountPages account;
  private final CrimePageReads reads;

  public VictimSite(Config config) {
    this.config = config;
    this.tmc = config.tmc();
    this.portal = config.portal();
    this.base = config.basePath();
    this.ids = new OpaqueIds(config.secretKey());
    this.links = config.mountPath() + config.basePath();
    this.assets = new Assets(links);
    this.account = new VictimAccountPages(this, portal, base, config.publicBaseUrl());
    this.reads = new CrimePageReads(tmc);
  }

  String force() {
    return config.force();
  }

  // ---------------------------------------------------------------- routes

  public void register(Router r) {
    r.get(base, this::start);
    r.get(base + "sign-in", this::signInPage);
    r.post(base + "sign-in", this::signIn);
    r.post(base + "sign-out", this::signOut);
    r.get(base + "signed-out", this::signedOut);
    r.route("GET", base + VictimPortal.ACTIVATION_PATH + "{token}", this::openInvitation);
    r.get(base + "activate", this::activatePage);
    r.post(base + "activate", this::activate);
    r.get(base + "activate/link", this::linkPage);
    r.post(base + "activate/link", this::link);
    r.get(base + "support", this::support);
    r.get(base + "crimes", req -> signedIn(req, this::myCrimes));
    r.route("GET", base + "crimes/{crime}", (req, p) -> crimePage(req, p.get("crime"), "crime"));
    r.route(
        "GET",
        base + "crimes/{crime}/property",
        (req, p) -> crimePage(req, p.get("crime"), "property"));
    r.route(
        "GET",
        base + "crimes/{crime}/messages",
        (req, p) ->
            signedIn(req, v -> messagesPage(v, p.get("crime"), Form.empty(), false, false)));
    r.route(
        "GET",
        base + "crimes/{crime}/messages/sent",
        (req, p) -> signedIn(req, v -> messagesPage(v, p.get("crime"), Form.empty(), false, true)));
    r.route(
        "POST",
        base + "crimes/{crime}/messages",
        (req, p) -> signedIn(req, v -> sendMessage(v, p.get("crime"))));
    r.route(
        "POST",
        base + "crimes/{crime}/property",
        (req, p) -> signedIn(req, v -> sendPropertyDetails(v, p.get("crime"))));
    r.route("GET", base + "language/{lang}", (req, p) -> language(req, p.get("lang"), ""));
    r.route(
        "GET",
        base + "language/{lang}/{rest*}",
        (req, p) -> language(req, p.get("lang"), p.get("rest")));
    r.route("GET", base + "assets/{rest*}", (req, p) -> assets.serve(p.get("rest")));
    new VictimApi(this, portal, base).register(r);
    account.register(r);
    r.notFound(this::notFound);
  }

  // ---------------------------------------------------------------- page scaffolding

  Texts texts(PortalRequest request) {
    return Texts.of(Web.language(request));
  }

  Page.Builder page(PortalRequest request, String path, String titleKey) {
    Texts t = texts(request);
    Optional<Force> force = tmc.forces().find(config.force());
    return Page.builder(t, links)
        .path(path)
        .title(t.get(titleKey))
        .serviceName(config.serviceName() != null ? config.serviceName() : t.get("service.name"))
        .organisationName(force.map(Force::name).orElse(config.force()))
        .exitUrl(config.exitUrl())
        .zone(force.map(f -> f.settings().zone()).orElse(java.time.ZoneId.of("Europe/London")));
  }

  Page.Builder page(Visit v, String path, String titleKey, String active) {
    Texts t = Texts.of(v.language());
    List<Page.NavItem> nav =
        List.of(
            new Page.NavItem(links + "crimes", t.get("nav.crimes"), active.equals("crimes")),
            new Page.NavItem(links + "support", t.get("nav.support"), active.equals("support")),
            new Page.NavItem(links + "settings", t.get("nav.settings"), active.equals("settings")));
    return page(v.request(), path, titleKey)
        .signedIn(true)
        .csrfToken(v.session().csrfToken())
        .nav(nav);
  }

  private Optional<Visit> visit(PortalRequest request) {
    Optional<String> id = request.cookie(SessionCookie.NAME);
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return portal
        .session(id.get())
        .filter(this::ourForce)
        .map(s -> new Visit(request, id.get(), s, Web.language(request)));
  }

  /** True when a session belongs to this site's force (another force's session is not ours). */
  boolean ourForce(PortalSession session) {
    return session.force().equals(config.force());
  }

  TrackMyCrime tmc() {
    return tmc;
  }

  interface SignedInHandler {
    PortalResponse handle(Visit visit);
  }

  PortalResponse signedIn(PortalRequest request, SignedInHandler handler) {
    Optional<Visit> v = visit(request);
    if (v.isEmpty()) {
      return Web.seeOther(base + "sign-in");
    }
    if (request.method().equals("POST")
        && !VictimPortal.checkCsrf(v.get().session(), request.field(Web.CSRF_FIELD).orElse(null))) {
      return Web.forbidden(Texts.of(v.get().language()));
    }
    return handler.handle(v.get());
  }

  /** The crimes this session may read, each with its opaque id. */
  List<CrimeRef> crimes(PortalSession session) {
    List<CrimeRef> out = new ArrayList<>();
    for (VictimPortal.CrimeLink l : portal.crimes(session)) {
      out.add(
          new CrimeRef(
              ids.of(l.force(), l.crimeReference(), l.victimRef()),
              l.force(),
              l.crimeReference(),
              l.victimRef(),
              session.accountId()));
    }
    reads.remember(session.force(), session.accountId(), out);
    return out;
  }

  Optional<CrimeRef> crime(PortalSession session, String id) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    return crimes(session).stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /**
   * Like {@link #crime}, but from the account's remembered list when it has the id (no read); only
   * for a page that then reads the crime through {@link #checkedView}, which checks the link.
   */
  private Optional<CrimeRef> rememberedCrime(PortalSession session, String id) {
    if (id == null || !id.matches("[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    Optional<CrimeRef> known = reads.remembered(session.force(), session.accountId(), id);
    return known.isPresent() ? known : crime(session, id);
  }

  /** The crime as the pages show it, read from a list of the session's crimes just read. */
  CrimeView view(CrimeRef ref) {
    return checkedView(ref)
        .orElseThrow(() -> new IllegalStateException("crime no longer linked to the account"));
  }

  /**
   * The crime as the pages show it, if it is still linked to the account as this victim: one read
   * for the crime, its officer and the next update due (joined to the link), one for the timeline.
   */
  Optional<CrimeView> checkedView(CrimeRef ref) {
    Optional<CrimePageReads.Found> found = reads.find(ref);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Crime crime = found.get().crime();
    List<TimelineEntry> timeline =
        new ArrayList<>(tmc.timeline().list(ref.force(), ref.crimeReference()));
    timeline.sort(
        Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(TimelineEntry::publishedAt)
            .reversed());
    LocalDate due = crime.status() == CrimeStatus.CLOSED ? null : found.get().nextDue();
    return Optional.of(
        new CrimeView(ref, crime, found.get().officer(), List.copyOf(timeline), due));
  }

  void audit(CrimeRef ref, String what) {
    tmc.audit()
        .record(
            new AuditEvent(
                ref.force(),
                tmc.clock().instant(),
                Actor.victim(ref.victimRef()),
                AuditAction.CONSULTATION,
                "victim",
                ref.victimRef(),
                ref.crimeReference(),
                "portal " + what));
  }

  // ---------------------------------------------------------------- public pages

  private PortalResponse start(PortalRequest request) {
    if (visit(request).isPresent()) {
      return Web.seeOther(base + "crimes");
    }
    Page p = page(request, "", "start.title").build();
    return Templates.page(200, "victim/start.jte", Map.of("page", p));
  }

  PortalResponse notFoundFor(PortalRequest request) {
    return notFound(request);
  }

  private PortalResponse notFound(PortalRequest request) {
    Optional<Visit> v = visit(request);
    Page p =
        v.isPresent()
            ? page(v.get(), "", "notFound.title", "").build()
            : page(request, "", "notFound.title").build();
    return message(404, p, "notFound", "crimes");
  }

  private PortalResponse support(PortalRequest request) {
    Optional<Visit> v = visit(request);
    Page p =
        v.isPresent()
            ? page(v.get(), "support", "support.title", "support").build()
            : page(request, "support", "support.title").build();
    return Templates.page(
        200, "victim/support.jte", Map.of("page", p, "services", config.supportServices()));
  }

  private PortalResponse language(PortalRequest request, String code, String rest) {
    Language lang;
    try {
      lang = Language.ofCode(code);
    } catch (IllegalArgumentException e) {
      return notFound(request);
    }
    String back = rest.matches("[A-Za-z0-9_/-]{0,200}") && !rest.contains("//") ? rest : "";
    return Web.seeOther(base + back).withHeader("Set-Cookie", Web.languageCookie(lang));
  }

  /**
   * A page of a heading, a paragraph and a link (a path below the base), with texts {@code
   * <key>.heading/.body/.link}.
   */
  static PortalResponse message(int status, Page p, String key, String href) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", p);
    params.put("heading", p.t(key + ".heading"));
    params.put("body", p.t(key + ".body"));
    params.put("linkHref", p.url(href));
    params.put("linkText", p.t(key + ".link"));
    return Templates.page(status, "victim/message.jte", params);
  }

  // ---------------------------------------------------------------- sign in and out

  private PortalResponse signInPage(PortalRequest request) {
    if (visit(request).isPresent()) {
      return Web.seeOther(base + "crimes");
    }
    return signInForm(request, Form.empty(), 200);
  }

  private PortalResponse signInForm(PortalRequest request, Form form, int status) {
    return preSessionForm(
        request,
        "sign-in",
        "signIn.title",
        "victim/signIn.jte",
        form,
        status,
        Map.of("resetAvailable", account.resetAvailable()));
  }

  /** A form page shown before sign-in, with its double-submit CSRF cookie. */
  PortalResponse preSessionForm(
      PortalRequest request,
      String path,
      String titleKey,
      String template,
      Form form,
      int status,
      Map<String, Object> more) {
    Optional<String> existing = Web.preSessionCsrf(request);
    String token = existing.orElseGet(Web::newCsrfToken);
    Page p = page(request, path, titleKey).csrfToken(token).hasErrors(form.hasErrors()).build();
    Map<String, Object> params = new HashMap<>(more);
    params.put("page", p);
    params.put("form", form);
    PortalResponse response = Templates.page(status, template, params);
    return existing.isPresent()
        ? response
        : response.withHeader("Set-Cookie", Web.preSessionCsrfCookie(token));
  }

  private PortalResponse signIn(PortalRequest request) {
    Texts t = texts(request);
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(t);
    }
    Form form = Form.of(request, "login");
    String password = request.field("password").orElse("");
    requireLoginAndPassword(form, password, t);
    if (form.hasErrors()) {
      return signInForm(request, form, 200);
    }
    SignInResult result =
        portal.signIn(
            config.force(),
            form.value("login"),
            password,
            request.client(),
            request.cookie(SessionCookie.NAME).orElse(null));
    return switch (result.status()) {
      case SIGNED_IN -> startSession(result);
      case SECOND_FACTOR_REQUIRED -> account.secondFactor(result);
      case TRY_AGAIN_LATER ->
          signInForm(request, form.error("login", tryLater(t, result.retryAfter())), 200);
      default -> signInForm(request, form.error("login", t.get("signIn.error.invalid")), 200);
    };
  }

  static String tryLater(Texts t, Duration wait) {
    long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
    return t.format("signIn.error.throttled", minutes);
  }

  PortalResponse startSession(SignInResult result) {
    return Web.seeOther(base + "crimes")
        .withHeader("Set-Cookie", SessionCookie.set(result.sessionId().orElseThrow()));
  }

  private PortalResponse signOut(PortalRequest request) {
    return signedIn(
        request,
        v -> {
          portal.signOut(v.sessionId());
          return Web.seeOther(base + "signed-out").withHeader("Set-Cookie", SessionCookie.clear());
        });
  }

  private PortalResponse signedOut(PortalRequest request) {
    Page p = page(request, "signed-out", "signedOut.title").build();
    return message(200, p, "signedOut", "sign-in");
  }

  // ---------------------------------------------------------------- activation

  private PortalResponse openInvitation(PortalRequest request, Map<String, String> params) {
    String token = params.get("token");
    if (!token.matches("[A-Za-z0-9_-]{22,128}")) {
      return Web.seeOther(base + "activate");
    }
    // the token leaves the address bar (history, shoulder-surfing) and lives in a short cookie
    return Web.seeOther(base + "activate")
        .withHeader(
            "Set-Cookie",
            INVITE_COOKIE + "=" + token + "; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax");
  }

  private Optional<String> inviteToken(PortalRequest request) {
    return request.cookie(INVITE_COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{22,128}"));
  }

  private PortalResponse activatePage(PortalRequest request) {
    if (inviteToken(request).isEmpty()) {
      return invitationInvalid(request);
    }
    return activateForm(request, Form.empty(), 200);
  }

  private PortalResponse activateForm(PortalRequest request, Form form, int status) {
    return preSessionForm(
        request, "activate", "activate.title", "victim/activate.jte", form, status, Map.of());
  }

  private PortalResponse invitationInvalid(PortalRequest request) {
    Page p = page(request, "activate", "invitationInvalid.title").build();
    return message(200, p, "invitationInvalid", "sign-in");
  }

  private PortalResponse activate(PortalRequest request) {
    Texts t = texts(request);
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(t);
    }
    Optional<String> token = inviteToken(request);
    if (token.isEmpty()) {
      return invitationInvalid(request);
    }
    Form form = Form.of(request, "crimeReference");
    String password = request.field("password").orElse("");
    if (form.find("crimeReference").isEmpty()) {
      form.error("crimeReference", t.get("activate.error.referenceMissing"));
    }
    if (password.isEmpty()) {
      form.error("password", t.get("password.error.empty"));
    }
    if (form.hasErrors()) {
      return activateForm(request, form, 200);
    }
    SignInResult result;
    try {
      result = portal.activate(token.get(), form.value("crimeReference"), password);
    } catch (ValidationException e) {
      passwordErrors(t, e, form);
      return activateForm(request, form, 200);
    }
    return switch (result.status()) {
      case SIGNED_IN -> startSession(result).withHeader("Set-Cookie", clearInvite());
      case ACCOUNT_EXISTS -> Web.seeOther(base + "activate/link");
      case TRY_AGAIN_LATER ->
          activateForm(
              request, form.error("crimeReference", tryLater(t, result.retryAfter())), 200);
      default ->
          activateForm(request, form.error("crimeReference", t.get("activate.error.noMatch")), 200);
    };
  }

  static String clearInvite() {
    return INVITE_COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
  }

  /** Puts each broken password rule on the form's password field, in the page's language. */
  static void passwordErrors(Texts t, ValidationException e, Form form) {
    for (ValidationException.Problem p : e.problems()) {
      String rule = p.rule();
      String key;
      if (rule.startsWith("enter")) {
        key = "password.error.empty";
      } else if (rule.startsWith("must be at least")) {
        key = "password.error.tooShort";
      } else if (rule.startsWith("must be") && rule.contains("or fewer")) {
        key = "password.error.tooLong";
      } else if (rule.contains("most common")) {
        key = "password.error.common";
      } else if (rule.contains("force's name")) {
        key = "password.error.forceName";
      } else if (rule.contains("police")) {
        key = "password.error.police";
      } else {
        key = "password.error.invalid";
      }
      form.error("password", t.get(key));
    }
  }

  private PortalResponse linkPage(PortalRequest request) {
    if (inviteToken(request).isEmpty()) {
      return invitationInvalid(request);
    }
    return linkForm(request, Form.empty(), 200);
  }

  private PortalResponse linkForm(PortalRequest request, Form form, int status) {
    return preSessionForm(
        request, "activate/link", "link.title", "victim/link.jte", form, status, Map.of());
  }

  private PortalResponse link(PortalRequest request) {
    Texts t = texts(request);
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(t);
    }
    Optional<String> token = inviteToken(request);
    if (token.isEmpty()) {
      return invitationInvalid(request);
    }
    Form form = Form.of(request, "crimeReference", "login");
    String password = request.field("password").orElse("");
    if (form.find("crimeReference").isEmpty()) {
      form.error("crimeReference", t.get("activate.error.referenceMissing"));
    }
    requireLoginAndPassword(form, password, t);
    if (form.hasErrors()) {
      return linkForm(request, form, 200);
    }
    SignInResult result =
        portal.linkBySigningIn(
            token.get(),
            form.value("crimeReference"),
            form.value("login"),
            password,
            request.client());
    return switch (result.status()) {
      case SIGNED_IN -> startSession(result).withHeader("Set-Cookie", clearInvite());
      case SECOND_FACTOR_REQUIRED ->
          account.secondFactor(result).withHeader("Set-Cookie", clearInvite());
      case TRY_AGAIN_LATER ->
          linkForm(request, form.error("login", tryLater(t, result.retryAfter())), 200);
      case INVITATION_INVALID ->
          linkForm(request, form.error("crimeReference", t.get("activate.error.noMatch")), 200);
      default -> linkForm(request, form.error("login", t.get("signIn.error.invalid")), 200);
    };
  }

  // ---------------------------------------------------------------- property and messages

  private PortalResponse propertyPage(Visit v, CrimeRef ref, CrimeView view, Form form) {
    List<PropertyItem> items = tmc.property().list(ref.force(), ref.crimeReference());
    audit(ref, "property viewed");
    Map<String, String> options = new LinkedHashMap<>();
    items.forEach(i -> options.put(i.itemRef(), i.description()));
    if (items.size() == 1 && form.value("item").isEmpty()) {
      form.value("item", items.get(0).itemRef());
    }
    Page p =
        page(v, "crimes/" + ref.id() + "/property", "property.title", "crimes")
            .hasErrors(form.hasErrors())
            .build();
    return Templates.page(
        200,
        "victim/property.jte",
        Map.of("page", p, "form", form, "crime", view, "items", items, "itemOptions", options));
  }

  private PortalResponse sendPropertyDetails(Visit v, String id) {
    Optional<CrimeRef> found = crime(v.session(), id);
    if (found.isEmpty()) {
      return notFound(v.request());
    }
    CrimeRef ref = found.get();
    Texts t = Texts.of(v.language());
    Form form = Form.of(v.request(), "item", "serialNumber", "itemDescription", "value");
    Long pence = null;
    if (form.find("value").isPresent()) {
      String raw = form.find("value").get().replace("£", "").replace(",", "").strip();
      if (!raw.matches("\\d{1,9}(\\.\\d{1,2})?")) {
        form.error("value", t.get("property.details.error.value"));
      } else {
        pence = new java.math.BigDecimal(raw).movePointRight(2).longValueExact();
      }
    }
    if (form.find("item").isEmpty()) {
      form.error("item", t.get("property.details.error.item"));
    }
    if (form.find("serialNumber").isEmpty()
        && form.find("itemDescription").isEmpty()
        && form.find("value").isEmpty()) {
      form.error("serialNumber", t.get("property.details.error.nothing"));
    }
    if (!form.hasErrors()) {
      try {
        PropertyDetails details =
            new PropertyDetails(
                form.value("item"),
                form.find("serialNumber").orElse(null),
                form.find("itemDescription").orElse(null),
                pence);
        tmc.messaging()
            .send(
                new NewVictimMessage(
                    ref.force(),
                    ref.crimeReference(),
                    ref.victimRef(),
                    MessageTopic.PROPERTY_DETAILS,
                    t.get("property.details.messageBody"),
                    details,
                    false));
        return Web.seeOther(base + "crimes/" + ref.id() + "/messages/sent");
      } catch (ValidationException e) {
        for (ValidationException.Problem problem : e.problems()) {
          String field = problem.field();
          if (field.endsWith("serialNumber")) {
            form.error("serialNumber", t.get("property.details.error.serial"));
          } else if (field.endsWith("description")) {
            form.error("itemDescription", t.get("property.details.error.description"));
          } else if (field.endsWith("valuePence")) {
            form.error("value", t.get("property.details.error.value"));
          } else {
            form.error("item", t.get("property.details.error.item"));
          }
        }
      } catch (MessagingException e) {
        form.error("serialNumber", t.get("messages.error.rateLimited"));
      }
    }
    return propertyPage(v, ref, view(ref), form);
  }

  Map<String, String> topics(Texts t) {
    Map<String, String> topics = new LinkedHashMap<>();
    topics.put(MessageTopic.QUESTION.name(), t.get("messages.topic.QUESTION"));
    topics.put(
        MessageTopic.FURTHER_INFORMATION.name(), t.get("messages.topic.FURTHER_INFORMATION"));
    return topics;
  }

  private PortalResponse messagesPage(
      Visit v, String id, Form form, boolean urgentPrompt, boolean sent) {
    Optional<CrimeRef> found = crime(v.session(), id);
    if (found.isEmpty()) {
      return notFound(v.request());
    }
    CrimeRef ref = found.get();
    List<MessageThread> threads =
        tmc.messaging().threadsForVictim(ref.force(), ref.crimeReference(), ref.victimRef());
    Page p =
        page(v, "crimes/" + ref.id() + "/messages", "messages.title", "crimes")
            .hasErrors(form.hasErrors())
            .build();
    Map<String, Object> params = new HashMap<>();
    params.put("page", p);
    params.put("form", form);
    params.put("crime", view(ref));
    params.put("threads", threads);
    params.put("topics", topics(Texts.of(v.language())));
    params.put("urgentPrompt", urgentPrompt);
    params.put("sent", sent);
    return Templates.page(200, "victim/messages.jte", params);
  }

  private PortalResponse sendMessage(Visit v, String id) {
    Optional<CrimeRef> found = crime(v.session(), id);
    if (found.isEmpty()) {
      return notFound(v.request());
    }
    CrimeRef ref = found.get();
    Texts t = Texts.of(v.language());
    Form form = Form.of(v.request(), "topic", "body");
    MessageTopic topic = null;
    if (topics(t).containsKey(form.value("topic"))) {
      topic = MessageTopic.valueOf(form.value("topic"));
    } else {
      form.error("topic", t.get("messages.error.topic"));
    }
    if (form.find("body").isEmpty()) {
      form.error("body", t.get("messages.error.bodyMissing"));
    } else if (form.value("body").strip().length() > VictimMessage.MAX_BODY) {
      form.error("body", t.get("messages.error.bodyTooLong"));
    }
    if (form.hasErrors()) {
      return messagesPage(v, id, form, false, false);
    }
    boolean acknowledged = v.request().field("urgentAcknowledged").orElse("").equals("yes");
    if (!acknowledged && tmc.messaging().check(ref.force(), form.value("body")).urgent()) {
      return messagesPage(v, id, form, true, false);
    }
    try {
      tmc.messaging()
          .send(
              new NewVictimMessage(
                  ref.force(),
                  ref.crimeReference(),
                  ref.victimRef(),
                  topic,
                  form.value("body"),
                  null,
                  acknowledged));
    } catch (ValidationException e) {
      boolean urgent = e.problems().stream().anyMatch(p -> p.rule().startsWith("looks urgent"));
      if (urgent) {
        return messagesPage(v, id, form, true, false);
      }
      form.error("body", t.get("messages.error.bodyMissing"));
      return messagesPage(v, id, form, false, false);
    } catch (MessagingException e) {
      form.error("body", t.get("messages.error.rateLimited"));
      return messagesPage(v, id, form, false, false);
    }
    return Web.seeOther(base + "crimes/" + ref.id() + "/messages/sent");
  }

  // ---------------------------------------------------------------- signed-in pages

  private PortalResponse myCrimes(Visit v) {
    List<CrimeView> views = new ArrayList<>();
    for (CrimeRef ref : crimes(v.session())) {
      views.add(view(ref));
      audit(ref, "crime list viewed");
    }
    Page p = page(v, "crimes", "crimes.title", "crimes").build();
    return Templates.page(200, "victim/crimes.jte", Map.of("page", p, "crimes", views));
  }

  private PortalResponse crimePage(PortalRequest request, String id, String which) {
    return signedIn(
        request,
        v -> {
          Optional<CrimeRef> ref = rememberedCrime(v.session(), id);
          Optional<CrimeView> checked = ref.flatMap(this::checkedView);
          if (checked.isEmpty()) {
            return notFound(request);
          }
          CrimeView view = checked.get();
          if (which.equals("property")) {
            return propertyPage(v, ref.get(), view, Form.empty());
          }
          audit(ref.get(), "crime viewed");
          Page p = page(v, "crimes/" + id, "crime.title", "crimes").build();
          return Templates.page(200, "victim/crime.jte", Map.of("page", p, "crime", view));
        });
  }

  /** The sign-in name and password a sign-in or a crime link needs, each named when missing. */
  private static void requireLoginAndPassword(Form form, String password, Texts t) {
    if (form.find("login").isEmpty()) {
      form.error("login", t.get("signIn.error.loginMissing"));
    }
    if (password.isEmpty()) {
      form.error("password", t.get("signIn.error.passwordMissing"));
    }
  }
}
