package org.trackmycrime.portal.web.internal;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trackmycrime.core.NotFoundException;
import org.trackmycrime.core.ValidationException;
import org.trackmycrime.core.model.Channel;
import org.trackmycrime.core.model.Language;
import org.trackmycrime.portal.PasswordConfirmation;
import org.trackmycrime.portal.SecondFactor;
import org.trackmycrime.portal.SessionCookie;
import org.trackmycrime.portal.SignInResult;
import org.trackmycrime.portal.TotpEnrolment;
import org.trackmycrime.portal.VictimPortal;
import org.trackmycrime.portal.VictimSettings;
import org.trackmycrime.portal.http.PortalRequest;
import org.trackmycrime.portal.http.PortalResponse;
import org.trackmycrime.portal.http.Router;
import org.trackmycrime.portal.web.internal.VictimSite.CrimeRef;
import org.trackmycrime.portal.web.internal.VictimSite.Visit;

/**
 * The account pages: the second step of signing in, password reset, and settings (alert preferences
 * per crime, opting out and back in, password, second factor, contact details).
 */
final class VictimAccountPages {
  static final String PENDING_COOKIE = "__Host-tmc-pending";
  static final String RESET_COOKIE = "__Host-tmc-reset";

  private final VictimSite site;
  private final VictimPortal portal;
  private final String base;
  private final String publicBaseUrl;

  VictimAccountPages(VictimSite site, VictimPortal portal, String base, String publicBaseUrl) {
    this.site = site;
    this.portal = portal;
    this.base = base;
    this.publicBaseUrl = publicBaseUrl;
  }

  void register(Router r) {
    r.get(base + "sign-in/code", this::codePage);
    r.post(base + "sign-in/code", this::code);
    r.post(base + "sign-in/code/resend", this::resend);
    if (publicBaseUrl != null) {
      r.get(base + "reset", req -> resetRequestForm(req, Form.empty()));
      r.post(base + "reset", this::requestReset);
      r.get(base + "reset/sent", this::resetSent);
      r.route("GET", base + VictimPortal.RESET_PATH + "{token}", this::openReset);
      r.get(base + "reset/new", req -> newPasswordPage(req, Form.empty()));
      r.post(base + "reset/new", this::completeReset);
    }
    r.get(base + "settings", req -> site.signedIn(req, this::settings));
    r.route(
        "GET",
        base + "crimes/{crime}/settings",
        (req, p) -> site.signedIn(req, v -> crimeSettings(v, p.get("crime"), null, false)));
    r.route(
        "POST",
        base + "crimes/{crime}/settings",
        (req, p) -> site.signedIn(req, v -> changeCrimeSettings(v, p.get("crime"))));
    r.route(
        "POST",
        base + "crimes/{crime}/settings/alerts",
        (req, p) -> site.signedIn(req, v -> optInOrOut(v, p.get("crime"))));
    r.get(
        base + "settings/password", req -> site.signedIn(req, v -> passwordPage(v, Form.empty())));
    r.post(base + "settings/password", req -> site.signedIn(req, this::changePassword));
    r.get(base + "settings/contact", req -> site.signedIn(req, v -> contactPage(v, Form.empty())));
    r.post(base + "settings/contact", req -> site.signedIn(req, this::changeContact));
    r.get(
        base + "settings/second-factor",
        req -> site.signedIn(req, v -> factorPage(v, Form.empty(), null, null)));
    r.post(base + "settings/second-factor/app", req -> site.signedIn(req, this::startApp));
    r.post(
        base + "settings/second-factor/app/confirm", req -> site.signedIn(req, this::confirmApp));
    r.post(base + "settings/second-factor/text", req -> site.signedIn(req, this::startText));
    r.post(
        base + "settings/second-factor/text/confirm", req -> site.signedIn(req, this::confirmText));
    r.post(base + "settings/second-factor/off", req -> site.signedIn(req, this::factorOff));
  }

  boolean resetAvailable() {
    return publicBaseUrl != null;
  }

  // ---------------------------------------------------------------- second step of sign-in

  /** Where a sign-in that needs a code goes: the pending token in a short cookie, then the form. */
  PortalResponse secondFactor(SignInResult result) {
    String value = result.secondFactor().name() + "." + result.pendingToken().orElseThrow();
    return Web.seeOther(base + "sign-in/code")
        .withHeader(
            "Set-Cookie",
            PENDING_COOKIE + "=" + value + "; Path=/; Max-Age=600; Secure; HttpOnly; SameSite=Lax");
  }

  private record Pending(SecondFactor factor, String token) {}

  private static Optional<Pending> pending(PortalRequest request) {
    return request
        .cookie(PENDING_COOKIE)
        .filter(v -> v.matches("(TOTP|SMS)\\.[A-Za-z0-9_-]{22,128}"))
        .map(
            v ->
                new Pending(
                    SecondFactor.valueOf(v.substring(0, v.indexOf('.'))),
                    v.substring(v.indexOf('.') + 1)));
  }

  private static String clearPending() {
    return PENDING_COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax";
  }

  private PortalResponse codePage(PortalRequest request) {
    return codeForm(request, Form.empty());
  }

  private PortalResponse codeForm(PortalRequest request, Form form) {
    Optional<Pending> p = pending(request);
    if (p.isEmpty()) {
      return Web.seeOther(base + "sign-in");
    }
    return site.preSessionForm(
        request,
        "sign-in/code",
        "code.title",
        "victim/code.jte",
        form,
        200,
        Map.of("sms", p.get().factor() == SecondFactor.SMS));
  }

  private PortalResponse code(PortalRequest request) {
    Texts t = site.texts(request);
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(t);
    }
    Optional<Pending> p = pending(request);
    if (p.isEmpty()) {
      return Web.seeOther(base + "sign-in");
    }
    Form form = Form.empty();
    String code = request.field("code").orElse("").replaceAll("\\s", "");
    if (!code.matches("\\d{6}")) {
      return codeForm(request, form.error("code", t.get("code.error.format")));
    }
    SignInResult result =
        portal.completeSecondFactor(
            p.get().token(),
            code,
            request.client(),
            request.cookie(SessionCookie.NAME).orElse(null));
    return switch (result.status()) {
      case SIGNED_IN -> site.startSession(result).withHeader("Set-Cookie", clearPending());
      case INVALID_CODE -> codeForm(request, form.error("code", t.get("code.error.wrong")));
      case TRY_AGAIN_LATER ->
          codeForm(request, form.error("code", VictimSite.tryLater(t, result.retryAfter())));
      default -> Web.seeOther(base + "sign-in").withHeader("Set-Cookie", clearPending());
    };
  }

  private PortalResponse resend(PortalRequest request) {
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(site.texts(request));
    }
    Optional<Pending> p = pending(request);
    if (p.isEmpty() || !portal.resendSignInCode(p.get().token())) {
      return Web.seeOther(base + "sign-in");
    }
    return Web.seeOther(base + "sign-in/code");
  }

  // ---------------------------------------------------------------- password reset

  private PortalResponse resetRequestForm(PortalRequest request, Form form) {
    return site.preSessionForm(
        request, "reset", "reset.title", "victim/resetRequest.jte", form, 200, Map.of());
  }

  private PortalResponse requestReset(PortalRequest request) {
    Texts t = site.texts(request);
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(t);
    }
    Form form = Form.of(request, "login");
    if (form.find("login").isEmpty()) {
      return resetRequestForm(request, form.error("login", t.get("signIn.error.loginMissing")));
    }
    // the same answer whether or not the account exists
    portal.requestReset(site.force(), form.value("login"), request.client(), publicBaseUrl);
    return Web.seeOther(base + "reset/sent");
  }

  private PortalResponse resetSent(PortalRequest request) {
    Page p = site.page(request, "reset/sent", "resetSent.title").build();
    return VictimSite.message(200, p, "resetSent", "sign-in");
  }

  private PortalResponse openReset(PortalRequest request, Map<String, String> params) {
    String token = params.get("token");
    if (!token.matches("[A-Za-z0-9_-]{22,128}")) {
      return Web.seeOther(base + "reset/new");
    }
    return Web.seeOther(base + "reset/new")
        .withHeader(
            "Set-Cookie",
            RESET_COOKIE + "=" + token + "; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax");
  }

  private Optional<String> resetToken(PortalRequest request) {
    return request.cookie(RESET_COOKIE).filter(v -> v.matches("[A-Za-z0-9_-]{22,128}"));
  }

  private PortalResponse newPasswordPage(PortalRequest request, Form form) {
    Optional<String> token = resetToken(request);
    if (token.isEmpty() || !portal.resetTokenValid(token.get())) {
      Page p = site.page(request, "reset/new", "resetInvalid.title").build();
      return VictimSite.message(200, p, "resetInvalid", "reset");
    }
    return site.preSessionForm(
        request, "reset/new", "resetNew.title", "victim/resetNew.jte", form, 200, Map.of());
  }

  private PortalResponse completeReset(PortalRequest request) {
    Texts t = site.texts(request);
    if (!Web.preSessionCsrfOk(request)) {
      return Web.forbidden(t);
    }
    Optional<String> token = resetToken(request);
    String password = request.field("password").orElse("");
    Form form = Form.empty();
    if (token.isEmpty()) {
      return newPasswordPage(request, form);
    }
    try {
      if (!portal.completeReset(token.get(), password)) {
        return newPasswordPage(request, form);
      }
    } catch (ValidationException e) {
      VictimSite.passwordErrors(t, e, form);
      return newPasswordPage(request, form);
    }
    Page p = site.page(request, "reset/new", "resetDone.title").build();
    return VictimSite.message(200, p, "resetDone", "sign-in")
        .withHeader(
            "Set-Cookie", RESET_COOKIE + "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax")
        .withHeader("Set-Cookie", SessionCookie.clear());
  }

  // ---------------------------------------------------------------- settings

  private PortalResponse settings(Visit v) {
    List<VictimSite.CrimeView> crimes = site.crimes(v.session()).stream().map(site::view).toList();
    Page p = site.page(v, "settings", "settings.title", "settings").build();
    Map<String, Object> params = new HashMap<>();
    params.put("page", p);
    params.put("crimes", crimes);
    params.put("factor", portal.secondFactor(v.session()));
    return Templates.page(200, "victim/settings.jte", params);
  }

  private PortalResponse crimeSettings(Visit v, String id, Form given, boolean unused) {
    Optional<CrimeRef> ref = site.crime(v.session(), id);
    if (ref.isEmpty()) {
      return site.notFoundFor(v.request());
    }
    VictimSettings.View view;
    try {
      view = portal.settings().view(v.session(), ref.get().crimeReference());
    } catch (NotFoundException e) {
      return site.notFoundFor(v.request());
    }
    Form form = given;
    if (form == null) {
      form = Form.empty();
      for (Channel c : view.channels()) {
        form.value("channel." + c.name(), "yes");
      }
      form.value("language", view.language().code());
      form.value("quietFrom", view.quietFrom() == null ? "" : view.quietFrom().toString());
      form.value("quietUntil", view.quietUntil() == null ? "" : view.quietUntil().toString());
      form.value(
          "updateFrequencyDays",
          view.updateFrequencyDays() == null ? "" : view.updateFrequencyDays().toString());
    }
    Page p =
        site.page(v, "crimes/" + id + "/settings", "crimeSettings.title", "settings")
            .hasErrors(form.hasErrors())
            .build();
    Map<String, Object> params = new HashMap<>();
    params.put("page", p);
    params.put("form", form);
    params.put("crime", site.view(ref.get()));
    params.put("view", view);
    params.put("languages", languages());
    return Templates.page(200, "victim/crimeSettings.jte", params);
  }

  private PortalResponse changeCrimeSettings(Visit v, String id) {
    Optional<CrimeRef> ref = site.crime(v.session(), id);
    if (ref.isEmpty()) {
      return site.notFoundFor(v.request());
    }
    Texts t = Texts.of(v.language());
    Form form =
        Form.of(
            v.request(),
            "channel.EMAIL",
            "channel.SMS",
            "language",
            "quietFrom",
            "quietUntil",
            "updateFrequencyDays");
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    for (Channel c : Channel.values()) {
      if (form.value("channel." + c.name()).equals("yes")) {
        channels.add(c);
      }
    }
    Language language =
        form.value("language").equals("cy")
            ? Language.CY
            : form.value("language").equals("en") ? Language.EN : null;
    LocalTime from = time(form, "quietFrom", t);
    LocalTime until = time(form, "quietUntil", t);
    Integer days = null;
    if (form.find("updateFrequencyDays").isPresent()) {
      String raw = form.find("updateFrequencyDays").get();
      if (raw.matches("\\d{1,3}")) {
        days = Integer.valueOf(raw);
      } else {
        form.error("updateFrequencyDays", t.get("settings.error.updateFrequencyDays"));
      }
    }
    if (!form.hasErrors()) {
      try {
        portal
            .settings()
            .change(
                v.session(),
                ref.get().crimeReference(),
                new VictimSettings.Change(channels, language, from, until, days));
        // the pages follow the language the victim chose for their alerts
        return Web.seeOther(base + "settings")
            .withHeader("Set-Cookie", Web.languageCookie(language));
      } catch (ValidationException e) {
        for (ValidationException.Problem problem : e.problems()) {
          String field = problem.field().equals("channels") ? "channel.EMAIL" : problem.field();
          String key = "settings.error." + problem.field();
          form.error(field, t.keys().contains(key) ? t.get(key) : problem.rule());
        }
      }
    }
    return crimeSettings(v, id, form, false);
  }

  private static LocalTime time(Form form, String field, Texts t) {
    Optional<String> raw = form.find(field);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      String value = raw.get().replace('.', ':');
      return LocalTime.parse(value.length() == 4 ? "0" + value : value);
    } catch (DateTimeParseException e) {
      form.error(field, t.get("settings.error.time"));
      return null;
    }
  }

  private PortalResponse optInOrOut(Visit v, String id) {
    Optional<CrimeRef> ref = site.crime(v.session(), id);
    if (ref.isEmpty()) {
      return site.notFoundFor(v.request());
    }
    boolean out = v.request().field("alerts").orElse("").equals("off");
    if (out) {
      portal.settings().optOut(v.session(), ref.get().crimeReference(), null);
    } else {
      portal.settings().optIn(v.session(), ref.get().crimeReference(), null);
    }
    return Web.seeOther(base + "crimes/" + id + "/settings");
  }

  private PortalResponse passwordPage(Visit v, Form form) {
    Page p =
        site.page(v, "settings/password", "changePassword.title", "settings")
            .hasErrors(form.hasErrors())
            .build();
    return Templates.page(200, "victim/changePassword.jte", Map.of("page", p, "form", form));
  }

  private PortalResponse changePassword(Visit v) {
    Texts t = Texts.of(v.language());
    Form form = Form.empty();
    String current = v.request().field("currentPassword").orElse("");
    String next = v.request().field("password").orElse("");
    if (current.isEmpty()) {
      form.error("currentPassword", t.get("signIn.error.passwordMissing"));
    }
    if (next.isEmpty()) {
      form.error("password", t.get("password.error.empty"));
    }
    if (form.hasErrors()) {
      return passwordPage(v, form);
    }
    try {
      SignInResult r = portal.changePassword(v.sessionId(), current, next, v.request().client());
      return switch (r.status()) {
        case SIGNED_IN ->
            Web.seeOther(base + "settings")
                .withHeader("Set-Cookie", SessionCookie.set(r.sessionId().orElseThrow()));
        case TRY_AGAIN_LATER ->
            passwordPage(v, form.error("currentPassword", VictimSite.tryLater(t, r.retryAfter())));
        default -> passwordPage(v, form.error("currentPassword", t.get("settings.error.password")));
      };
    } catch (ValidationException e) {
      VictimSite.passwordErrors(t, e, form);
      return passwordPage(v, form);
    }
  }

  private PortalResponse contactPage(Visit v, Form form) {
    Page p =
        site.page(v, "settings/contact", "contact.title", "settings")
            .hasErrors(form.hasErrors())
            .build();
    return Templates.page(200, "victim/contact.jte", Map.of("page", p, "form", form));
  }

  private PortalResponse changeContact(Visit v) {
    Texts t = Texts.of(v.language());
    Form form = Form.of(v.request(), "email", "mobile");
    String password = v.request().field("currentPassword").orElse("");
    if (form.find("email").isEmpty() && form.find("mobile").isEmpty()) {
      form.error("email", t.get("contact.error.nothing"));
    }
    if (password.isEmpty()) {
      form.error("currentPassword", t.get("signIn.error.passwordMissing"));
    }
    if (form.hasErrors()) {
      return contactPage(v, form);
    }
    try {
      PasswordConfirmation c = null;
      if (form.find("email").isPresent()) {
        c =
            portal
                .settings()
                .changeEmail(v.session(), password, form.value("email"), v.request().client());
      }
      if ((c == null || c.done()) && form.find("mobile").isPresent()) {
        c =
            portal
                .settings()
                .changeMobile(v.session(), password, form.value("mobile"), v.request().client());
      }
      if (c != null && !c.done()) {
        String message =
            c.outcome() == PasswordConfirmation.Outcome.TRY_AGAIN_LATER
                ? VictimSite.tryLater(t, c.retryAfter())
                : t.get("settings.error.password");
        return contactPage(v, form.error("currentPassword", message));
      }
    } catch (ValidationException e) {
      for (ValidationException.Problem problem : e.problems()) {
        String field = problem.field().equals("mobile") ? "mobile" : "email";
        form.error(
            field,
            problem.rule().startsWith("is already used")
                ? t.get("contact.error.inUse")
                : t.get("contact.error." + field));
      }
      return contactPage(v, form);
    }
    return Web.seeOther(base + "settings");
  }

  private PortalResponse factorPage(Visit v, Form form, TotpEnrolment app, String confirming) {
    Page p =
        site.page(v, "settings/second-factor", "factor.title", "settings")
            .hasErrors(form.hasErrors())
            .build();
    Map<String, Object> params = new HashMap<>();
    params.put("page", p);
    params.put("form", form);
    params.put("factor", portal.secondFactor(v.session()));
    params.put("secret", app == null ? null : app.secret());
    params.put("confirming", confirming);
    return Templates.page(200, "victim/secondFactor.jte", params);
  }

  private PortalResponse startApp(Visit v) {
    return factorPage(v, Form.empty(), portal.startTotp(v.session()), "app");
  }

  private PortalResponse confirmApp(Visit v) {
    String code = v.request().field("code").orElse("").replaceAll("\\s", "");
    if (code.matches("\\d{6}") && portal.confirmTotp(v.session(), code)) {
      return Web.seeOther(base + "settings");
    }
    Form form = Form.empty().error("code", Texts.of(v.language()).get("factor.error.appCode"));
    return factorPage(v, form, null, "app");
  }

  private PortalResponse startText(Visit v) {
    Texts t = Texts.of(v.language());
    if (!portal.startSmsSecondFactor(v.session())) {
      return factorPage(v, Form.empty().error("code", t.get("factor.error.noMobile")), null, null);
    }
    return factorPage(v, Form.empty(), null, "text");
  }

  private PortalResponse confirmText(Visit v) {
    String code = v.request().field("code").orElse("").replaceAll("\\s", "");
    if (code.matches("\\d{6}") && portal.confirmSmsSecondFactor(v.session(), code)) {
      return Web.seeOther(base + "settings");
    }
    Form form = Form.empty().error("code", Texts.of(v.language()).get("factor.error.textCode"));
    return factorPage(v, form, null, "text");
  }

  private PortalResponse factorOff(Visit v) {
    Texts t = Texts.of(v.language());
    String password = v.request().field("currentPassword").orElse("");
    PasswordConfirmation c =
        portal.disableSecondFactor(v.session(), password, v.request().client());
    if (c.done()) {
      return Web.seeOther(base + "settings");
    }
    String message =
        c.outcome() == PasswordConfirmation.Outcome.TRY_AGAIN_LATER
            ? VictimSite.tryLater(t, c.retryAfter())
            : t.get("settings.error.password");
    return factorPage(v, Form.empty().error("currentPassword", message), null, null);
  }

  static Map<String, String> languages() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("en", "English");
    m.put("cy", "Cymraeg");
    return m;
  }
}
