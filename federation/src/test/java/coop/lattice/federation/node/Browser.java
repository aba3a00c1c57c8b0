package coop.lattice.federation.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver by Selenium: load a page, take a
 * screenshot, run axe-core in it. {@link #close} quits the driver, which ends Chromium and the
 * driver process it started (never by name).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** axe-core's script, in the npm package installed from src/test/peers/axe. */
  static final String AXE = "node_modules/axe-core/axe.min.js";

  private final ChromeDriver driver;
  private final String axe;

  Browser(String acceptLanguage) throws Exception {
    axe = Files.readString(NodePackages.install("axe", AXE).resolve(AXE));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600",
        "--lang=" + acceptLanguage, "--no-first-run", "--disable-extensions");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
  }

  void load(String url) {
    driver.get(url);
  }

  Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  String source() {
    return driver.getPageSource();
  }

  void screenshot(Path to) throws Exception {
    Files.createDirectories(to.getParent());
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Runs axe-core (WCAG 2 A and AA rules, best practices) in the page: every violation, as "impact id (nodes)". */
  List<String> axeViolations() throws Exception {
    script(axe);
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {resultTypes: ['violations']})"
            + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact,"
            + " nodes: v.nodes.length, html: v.nodes.map(n => n.html).slice(0, 2)})))))"
            + ".catch(e => done('failed: ' + e));");
    String json = String.valueOf(result);
    if (json.startsWith("failed:")) {
      throw new IllegalStateException("axe-core did not run: " + json);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : new ObjectMapper().readTree(json)) {
      out.add(v.path("impact").asText() + " " + v.path("id").asText() + " (" + v.path("nodes").asInt() + ": "
          + v.path("html") + ")");
    }
    return out;
  }

  /** Lays the page out as it prints (CSS print media), or as on screen again. */
  void printMedia(boolean print) {
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
  }

  /** The page printed to PDF at the size its own print stylesheet asks for ({@code @page}). */
  byte[] printToPdf() {
    Map<String, Object> pdf = driver.executeCdpCommand("Page.printToPDF", Map.of("preferCSSPageSize", true,
        "printBackground", true));
    return Base64.getDecoder().decode((String) pdf.get("data"));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
