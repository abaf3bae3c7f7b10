package dev.tern.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The outage story in a real browser: the operator signs in and deploys the order process from a
 * BPMN file; the downstream service is down and orders fail to incidents; the operator sees them as
 * one group, retries the group, the service comes back, and
 * the batch page (polling with htmx) reaches 100% while the incidents disappear. Screenshots of
 * each page go to {@code target/screenshots/<database>/}.
 */
@DatabaseTest
class ConsoleBrowserStoryTest {

  private static final int ORDERS = 12;

  private final TestDatabase db;
  private Outage outage;
  private Browser browser;

  ConsoleBrowserStoryTest(TestDatabase db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws Exception {
    browser = Browser.start(Path.of("target", "screenshots", db.name().toLowerCase()));
    outage = new Outage(db);
  }

  @AfterEach
  void stop() {
    try {
      if (outage != null) {
        outage.close();
      }
    } finally {
      browser.close();
    }
  }

  @Test
  void anOperatorDeploysRetriesTheFailedGroupAndWatchesTheIncidentsGo() throws Exception {
    var driver = browser.driver;
    var wait = new WebDriverWait(driver, Duration.ofSeconds(60));

    driver.get(outage.consoleUrl());
    wait.until(ExpectedConditions.urlContains("/console/sign-in"));
    driver.findElement(By.id("username")).sendKeys(Outage.ADMIN);
    driver.findElement(By.id("password")).sendKeys(Outage.PASSWORD);
    browser.screenshot("1-sign-in");
    driver.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));

    Path bpmn = Files.createTempDirectory("console-story").resolve("order-sync.bpmn");
    Files.writeString(bpmn, outage.orderSyncBpmn());
    driver.findElement(By.linkText("Deploy")).click();
    driver.findElement(By.id("file")).sendKeys(bpmn.toAbsolutePath().toString());
    driver.findElement(By.id("deploy")).click();
    WebElement deployed = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deployed")));
    assertThat(deployed.findElement(By.cssSelector("li.definition")).getText())
        .isEqualTo(Outage.DEFINITION + " version 1");
    browser.screenshot("2-deploy");

    outage.startFailingOrders(ORDERS);
    driver.findElement(By.linkText("Incidents")).click();

    WebElement groups = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-groups")));
    List<WebElement> rows = groups.findElements(By.cssSelector("tr.incident-group"));
    assertThat(rows).hasSize(1);
    WebElement group = rows.get(0);
    assertThat(group.getText()).contains(Outage.DEFINITION, Outage.ACTIVITY, "503");
    assertThat(group.findElement(By.cssSelector("td.count")).getText())
        .isEqualTo(String.valueOf(ORDERS));
    browser.screenshot("3-incidents");

    group.findElement(By.cssSelector("a.retry")).click();
    WebElement dryRun = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run-count")));
    assertThat(dryRun.getText()).isEqualTo(String.valueOf(ORDERS));
    WebElement retries = driver.findElement(By.id("retries"));
    retries.clear();
    retries.sendKeys("2");
    browser.screenshot("4-retry");

    outage.downstream.bringUp();
    // paused, so the batch page opens on a batch that has not started: what follows is polling
    outage.engine().jobExecutor().pause();
    driver.findElement(By.id("confirm-retry")).click();
    wait.until(ExpectedConditions.urlContains("/console/batches/"));
    assertThat(driver.findElement(By.id("batch-state")).getText()).isEqualTo("running");
    assertThat(driver.findElement(By.id("percent")).getText()).isEqualTo("0%");
    assertThat(driver.findElement(By.id("incidents-left")).getText())
        .isEqualTo(String.valueOf(ORDERS));
    browser.screenshot("5-batch-running");
    WebElement firstRendering = driver.findElement(By.id("progress"));

    outage.engine().jobExecutor().resume();
    wait.until(ExpectedConditions.textToBe(By.id("batch-state"), "completed"));
    assertThat(ExpectedConditions.stalenessOf(firstRendering).apply(driver))
        .as("the progress was swapped in place by htmx, not by a page load")
        .isTrue();
    assertThat(driver.getCurrentUrl()).contains("/console/batches/");
    assertThat(driver.findElement(By.id("percent")).getText()).isEqualTo("100%");
    assertThat(driver.findElement(By.id("remaining")).getText()).isEqualTo("0");
    assertThat(driver.findElement(By.id("failed")).getText()).isEqualTo("0");
    wait.until(ExpectedConditions.textToBe(By.id("incidents-left"), "0"));
    browser.screenshot("6-batch-completed");

    driver.findElement(By.linkText("Incidents")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-incidents")));
    browser.screenshot("7-incidents-resolved");

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> outage.downstream.ordersCalledSuccessfully().size() == ORDERS);
    assertThat(outage.openIncidents()).isZero();
    assertThat(outage.failedJobs()).isZero();
  }
}
