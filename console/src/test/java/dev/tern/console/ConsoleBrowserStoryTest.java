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
 * one group, looks at the process's diagram (drawn by bpmn-js with the counts on it) and at one
 * instance, retries the group, suspends and resumes the batch in the batch list, the service comes
 * back, and the batch page (polling with htmx) reaches 100% while the incidents disappear.
 * Screenshots of each page go to {@code target/screenshots/<database>/}.
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
      // null when the browser was not found and the test was skipped
      if (browser != null) {
        browser.close();
      }
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
    WebElement deployed =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("deployed")));
    assertThat(deployed.findElement(By.cssSelector("li.definition")).getText())
        .isEqualTo(Outage.DEFINITION + " version 1");
    browser.screenshot("2-deploy");

    outage.startFailingOrders(ORDERS);
    driver.findElement(By.linkText("Incidents")).click();

    WebElement groups =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("incident-groups")));
    List<WebElement> rows = groups.findElements(By.cssSelector("tr.incident-group"));
    assertThat(rows).hasSize(1);
    WebElement group = rows.get(0);
    assertThat(group.getText()).contains(Outage.DEFINITION, Outage.ACTIVITY, "503");
    assertThat(group.findElement(By.cssSelector("td.count")).getText())
        .isEqualTo(String.valueOf(ORDERS));
    browser.screenshot("3-incidents");

    visitTheDefinitionAndAnInstance(wait);
    driver.findElement(By.linkText("Incidents")).click();
    group =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.incident-group")));
    group.findElement(By.cssSelector("a.retry")).click();
    WebElement dryRun =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dry-run-count")));
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
    String batchUrl = driver.getCurrentUrl();
    suspendAndResumeInTheBatchList(wait);
    driver.get(batchUrl);
    WebElement firstRendering =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));

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

  /**
   * The definition page draws the diagram with bpmn-js (served by Tern) and puts the activity's
   * running and incident counts on it; an instance page shows its failed job.
   */
  private void visitTheDefinitionAndAnInstance(WebDriverWait wait) {
    var driver = browser.driver;
    driver.findElement(By.linkText("Processes")).click();
    WebElement definitions =
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("definitions")));
    assertThat(definitions.findElement(By.cssSelector("td.incidents")).getText())
        .startsWith(String.valueOf(ORDERS));
    browser.screenshot("3a-definitions");

    driver.findElement(By.linkText(Outage.DEFINITION)).click();
    wait.until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-rendered", "true"));
    WebElement diagram = driver.findElement(By.id("diagram"));
    assertThat(
            diagram.findElements(
                By.cssSelector("svg g.djs-element[data-element-id='callDownstream']")))
        .hasSize(1);
    assertThat(diagram.findElements(By.cssSelector("svg g.djs-shape")))
        .hasSizeGreaterThanOrEqualTo(6);
    assertThat(
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#diagram .djs-overlay .badge.incidents")))
                .getText())
        .isEqualTo(String.valueOf(ORDERS));
    assertThat(diagram.findElement(By.cssSelector(".djs-overlay .badge.running")).getText())
        .isEqualTo(String.valueOf(ORDERS));
    browser.screenshot("3b-definition");

    driver.findElement(By.cssSelector("tr.instance a")).click();
    wait.until(ExpectedConditions.stalenessOf(diagram));
    wait.until(ExpectedConditions.attributeToBe(By.id("diagram"), "data-rendered", "true"));
    assertThat(
            wait.until(
                    ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#diagram .djs-overlay .badge.incidents")))
                .getText())
        .isEqualTo("1");
    assertThat(driver.findElement(By.id("instance-state")).getText()).isEqualTo("running");
    assertThat(driver.findElements(By.cssSelector("tr.variable"))).isNotEmpty();
    assertThat(driver.findElement(By.cssSelector("tr.job td.retries")).getText()).isEqualTo("0");
    assertThat(driver.findElements(By.cssSelector("tr.incident"))).hasSize(1);
    browser.screenshot("3c-instance");
  }

  /** The running batch in the batch list: suspended, then resumed, by its buttons. */
  private void suspendAndResumeInTheBatchList(WebDriverWait wait) {
    var driver = browser.driver;
    driver.findElement(By.linkText("Batches")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.batch")));
    assertThat(driver.findElement(By.cssSelector("td.batch-state")).getText()).isEqualTo("running");
    driver.findElement(By.cssSelector("button.batch-suspend")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("td.batch-state"), "suspended"));
    browser.screenshot("5a-batches-suspended");
    driver.findElement(By.cssSelector("button.batch-resume")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("td.batch-state"), "running"));
  }
}
