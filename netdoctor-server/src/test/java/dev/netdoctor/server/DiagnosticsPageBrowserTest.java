package dev.netdoctor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Network Diagnostics page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which CI installs). Skipped, saying so, only when they are not installed.
 */
class DiagnosticsPageBrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("netdoctor.chromium", "/usr/bin/chromium"));
  static final Path DRIVER = Path.of(System.getProperty("netdoctor.chromedriver", "/usr/bin/chromedriver"));
  static final Path SCREENSHOT = Path.of("..", "docs", "img", "diagnostics-page.png");

  @TempDir Path tmp;
  private ChromeDriver browser;
  private Fixture fixture;

  @BeforeEach
  void startBrowser() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium browser test skipped: " + CHROMIUM + " or " + DRIVER + " is not installed"
            + " (apt-get install chromium chromium-driver)");
    fixture = new Fixture(tmp, b -> b);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + Files.createDirectory(tmp.resolve("chromium-profile")),
        "--window-size=1280,1000");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1280, 1000));
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    if (fixture != null) fixture.close();
  }

  @Test
  void thePageShowsEveryCheckTheFailureCodeWithItsGuideAndCopiesTheRedactedReport() throws Exception {
    String origin = fixture.server.uri().toString();
    browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", origin,
        "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    browser.get(origin + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("copy")));

    List<WebElement> rows = browser.findElements(By.cssSelector("#checks tbody tr.check"));
    assertThat(rows).hasSizeGreaterThan(3);
    WebElement passing = browser.findElement(By.cssSelector("tr.check[data-check='http'][data-status='pass']"));
    assertThat(passing.findElement(By.cssSelector("td.icon")).getText()).isEqualTo("✅");
    WebElement failing = browser.findElement(By.cssSelector("tr.check[data-check='tcp-ipv4'][data-status='fail']"));
    assertThat(failing.findElement(By.cssSelector("td.icon")).getText()).isEqualTo("❌");
    WebElement code = failing.findElement(By.cssSelector("a.code"));
    assertThat(code.getText()).startsWith("NET008");
    String guide = code.getAttribute("data-guide");
    assertThat(code.getAttribute("href")).endsWith("#guide/" + guide);
    assertThat(browser.findElement(By.id("findings")).getText()).contains("NET008");
    assertThat(browser.findElement(By.id("status")).getText()).contains("problem");
    Files.createDirectories(SCREENSHOT.getParent());
    Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));

    browser.findElement(By.id("copy")).click();
    wait.until(ExpectedConditions.textToBe(By.id("copied"), "Copied"));
    Object clipboard = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('ERR ' + e));");
    assertThat(clipboard).asString().startsWith("# netdoctor report").contains("NET008").contains("Local")
        .doesNotContain(Fixture.API_KEY);

    code.click();
    wait.until(ExpectedConditions.attributeToBe(By.id("guide"), "data-guide", guide));
    assertThat(browser.findElement(By.id("guide")).getText()).isNotBlank();
    assertThat(browser.getPageSource()).doesNotContain(Fixture.API_KEY).doesNotContain("FixtureSecretKey");
  }

  @Test
  void guidesAreSearchableAndRunAgainRunsTheChecksAgain() throws Exception {
    String origin = fixture.server.uri().toString();
    browser.get(origin + "/");
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("copy")));
    int before = fixture.providerRequests.get();
    fixture.providerDelay = Duration.ofMillis(1500); // a slow provider keeps the run going while we look

    browser.findElement(By.id("run")).click();
    wait.until(ExpectedConditions.textMatches(By.id("status"), java.util.regex.Pattern.compile("Running checks… \\d+ finished")));
    assertThat(browser.findElement(By.id("run")).isEnabled()).isFalse();
    wait.until(d -> fixture.providerRequests.get() > before);
    wait.until(ExpectedConditions.elementToBeClickable(By.id("run")));
    assertThat(browser.findElement(By.id("status")).getText()).contains("checks");

    browser.get(origin + "/#guides");
    wait.until(d -> !d.findElements(By.cssSelector("#guide-list li a")).isEmpty());
    browser.findElement(By.id("search")).sendKeys("proxy 407");
    browser.findElement(By.cssSelector("#search-form button")).click();
    wait.until(d -> d.findElements(By.cssSelector("#guide-list li a")).stream()
        .anyMatch(a -> a.getText().toLowerCase().contains("proxy")));
    browser.findElements(By.cssSelector("#guide-list li a")).get(0).click();
    wait.until(d -> !d.findElement(By.id("guide")).getText().isBlank());
    assertThat(browser.findElement(By.cssSelector("#guide h1, #guide h2")).getText()).isNotBlank();
  }
}
