package dev.tern.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through its chromedriver (system properties {@code
 * tern.chromium} and {@code tern.chromedriver} name other binaries). A test that needs it is
 * skipped, saying why, when either binary is missing.
 */
final class Browser implements AutoCloseable {

  private static final String CHROMIUM = System.getProperty("tern.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("tern.chromedriver", "/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path screenshots;

  private Browser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  /** A headless browser, or the test is skipped when chromium or chromedriver is missing. */
  static Browser start(Path screenshots) {
    Assumptions.assumeTrue(
        new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
        "Browser tests need chromium and chromedriver (apt-get install chromium chromium-driver);"
            + " not found at "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
    return new Browser(new ChromeDriver(service, options), screenshots);
  }

  /** Saves what the browser shows as {@code <name>.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
