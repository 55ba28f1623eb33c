package org.trackmycrime.testing.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * For browser tests of pages that embed the portal (the SDK's own and a host's): a headless system
 * Chromium ({@code /usr/bin/chromium}) driven by Playwright, and an axe-core check for WCAG 2.2 A
 * and AA. One browser per test class: open it in {@code @BeforeAll}, close it in {@code @AfterAll};
 * each test takes a fresh context (no cookies shared).
 *
 * <pre>{@code
 * static BrowserSupport browser;
 * @BeforeAll static void open() { browser = BrowserSupport.open(); }
 * @AfterAll static void close() { browser.close(); }
 * ...
 * Page page = browser.newPage();
 * page.navigate(url);
 * BrowserSupport.assertAccessible(page);
 * }</pre>
 */
public final class BrowserSupport implements AutoCloseable {
  /** Where Debian's chromium package puts the browser. */
  public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

  /** The axe rule tags that make up WCAG 2.2 A and AA. */
  public static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21aa", "wcag22aa");

  private final Playwright playwright;
  private final Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();

  private BrowserSupport(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  /** Starts Playwright's driver and the system Chromium, headless. */
  public static BrowserSupport open() {
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "no browser at " + CHROMIUM + ": install Debian's chromium package (see .ci/run)");
    }
    Playwright playwright = Playwright.create();
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
    return new BrowserSupport(playwright, browser);
  }

  /** A page in a new context: its own cookies, JavaScript off unless {@code javaScript}. */
  public Page newPage(boolean javaScript) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(1024, 900));
    contexts.add(context);
    return context.newPage();
  }

  /** A page with JavaScript on (axe needs it to run; the portal's pages do not). */
  public Page newPage() {
    return newPage(true);
  }

  /**
   * Runs axe with the WCAG 2.2 A/AA tags on the page as it is and fails listing each violation's
   * id, help and the elements it found, when there are any.
   */
  public static void assertAccessible(Page page) {
    AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).analyze();
    List<String> problems = new ArrayList<>();
    for (Rule v : results.getViolations()) {
      List<String> targets = new ArrayList<>();
      v.getNodes().forEach(n -> targets.add(String.valueOf(n.getTarget())));
      problems.add(v.getId() + " (" + v.getHelp() + ") at " + targets);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "axe WCAG 2.2 AA violations on " + page.url() + ":\n  " + String.join("\n  ", problems));
    }
  }

  /** Saves a full-page PNG, creating the folders. */
  public static void screenshot(Page page, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
  }

  @Override
  public void close() {
    contexts.forEach(BrowserContext::close);
    browser.close();
    playwright.close();
  }
}
