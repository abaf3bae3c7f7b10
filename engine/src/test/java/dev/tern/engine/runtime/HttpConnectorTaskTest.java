package dev.tern.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tern.engine.TernException;
import dev.tern.engine.job.Job;
import dev.tern.engine.runtime.connector.ConnectorException;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.TestDatabase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DatabaseTest
class HttpConnectorTaskTest {

  private final RuntimeTestKit kit;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private HttpServer server;

  HttpConnectorTaskTest(TestDatabase db) {
    this.kit = new RuntimeTestKit(db);
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void postsThePayloadWithHeadersAndMapsTheResponseToVariables() throws IOException {
    int port = startStub(201, "{\"ok\":true}");
    String definition =
        kit.deployXml(process("httpOk", "http://127.0.0.1:" + port + "/orders/${orderId}", "POST", ""));

    ProcessInstance instance = kit.start(definition, Map.of("orderId", "o-1"));
    kit.runDueJobs();

    assertThat(received).containsExactly("POST /orders/o-1 application/json {\"order\":\"o-1\"}");
    assertThat(kit.variable(instance.id(), "status")).isEqualTo(201);
    assertThat(kit.variable(instance.id(), "body")).isEqualTo("{\"ok\":true}");
    assertThat(kit.variable(instance.id(), "stubHeader")).isEqualTo("yes");
    assertThat(kit.executions(instance.id())).extracting(ExecutionRow::activityId).containsExactly("wait");
  }

  @Test
  void connectionRefusedFailsTheJobWithACamundaStyleMessage() throws IOException {
    int port = freePort();
    String definition = kit.deployXml(process("httpDown", "http://127.0.0.1:" + port + "/x", "GET", ""));
    ProcessInstance instance = kit.start(definition, Map.of("orderId", "o-2"));
    Job job = kit.onlyJob(instance.id());

    kit.runDueJobs();

    Job failed = kit.onlyJob(instance.id());
    assertThat(failed.id()).isEqualTo(job.id());
    assertThat(failed.retries()).isZero();
    assertThat(failed.exceptionMessage())
        .startsWith("HTCL-02007 Unable to execute HTTP request")
        .contains("127.0.0.1:" + port);
    String stacktrace =
        kit.database.withHandle(
            h ->
                h.createQuery("SELECT exception_stacktrace FROM tern_job WHERE id = :id")
                    .bind("id", job.id())
                    .mapTo(String.class)
                    .one());
    assertThat(stacktrace)
        .contains(ConnectorException.class.getName())
        .contains("ConnectException");
    assertThat(kit.variables(instance.id())).doesNotContainKey("status");
  }

  @Test
  void serverErrorWithoutThrowHttpErrorSucceedsAndExposesTheStatus() throws IOException {
    int port = startStub(500, "boom");
    String topLevelIgnored =
        "<camunda:inputParameter name=\"throw-http-error\">TRUE</camunda:inputParameter>";
    String definition =
        kit.deployXml(process("http500", "http://127.0.0.1:" + port + "/x", "GET", topLevelIgnored));

    ProcessInstance instance = kit.start(definition, Map.of("orderId", "o-3"));
    kit.runDueJobs();

    assertThat(kit.variable(instance.id(), "status")).isEqualTo(500);
    assertThat(kit.variable(instance.id(), "body")).isEqualTo("boom");
  }

  @Test
  void serverErrorWithThrowHttpErrorInRequestConfigFailsTheJob() throws IOException {
    int port = startStub(503, "try later");
    String requestConfig =
        """
        <camunda:inputParameter name="request-config">
          <camunda:map><camunda:entry key="throw-http-error">TRUE</camunda:entry></camunda:map>
        </camunda:inputParameter>
        """;
    String definition =
        kit.deployXml(process("httpThrow", "http://127.0.0.1:" + port + "/x", "GET", requestConfig));
    ProcessInstance instance = kit.start(definition, Map.of("orderId", "o-4"));
    Job job = kit.onlyJob(instance.id());

    kit.runDueJobs();

    assertThat(kit.onlyJob(instance.id()).exceptionMessage()).contains("503").contains("try later");
    assertThat(kit.onlyJob(instance.id()).retries()).isZero();
    assertThat(kit.variables(instance.id())).doesNotContainKey("status");
  }

  @Test
  void synchronousCallThatCannotConnectRefusesTheStartAndKeepsNothing() throws IOException {
    int port = freePort();
    String definition =
        kit.deployXml(
            process("httpSync", "http://127.0.0.1:" + port + "/x", "GET", "")
                .replace("camunda:asyncBefore=\"true\"", ""));

    assertThatThrownBy(() -> kit.start(definition, Map.of("orderId", "o-5")))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertThat(((TernException) e).category()).isEqualTo(TernException.Category.INTERNAL))
        .hasMessageStartingWith("HTCL-02007 Unable to execute HTTP request");
    assertThat(kit.count("SELECT COUNT(*) FROM tern_hi_process_instance WHERE proc_def_id = ?", definition))
        .isZero();
  }

  private int startStub(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + requestBody);
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("X-Stub", "yes");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server.getAddress().getPort();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String process(String key, String url, String method, String extraInputs) {
    return """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="30">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="call"/>
            <serviceTask id="call" camunda:asyncBefore="true">
              <extensionElements>
                <camunda:connector>
                  <camunda:connectorId>http-connector</camunda:connectorId>
                  <camunda:inputOutput>
                    <camunda:inputParameter name="url">%s</camunda:inputParameter>
                    <camunda:inputParameter name="method">%s</camunda:inputParameter>
                    <camunda:inputParameter name="headers">
                      <camunda:map><camunda:entry key="Content-Type">application/json</camunda:entry></camunda:map>
                    </camunda:inputParameter>
                    <camunda:inputParameter name="payload">{"order":"${orderId}"}</camunda:inputParameter>
                    %s
                    <camunda:outputParameter name="status">${statusCode}</camunda:outputParameter>
                    <camunda:outputParameter name="body">${response}</camunda:outputParameter>
                    <camunda:outputParameter name="stubHeader">${headers['X-Stub']}</camunda:outputParameter>
                  </camunda:inputOutput>
                </camunda:connector>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f2" sourceRef="call" targetRef="wait"/>
            <userTask id="wait"/>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """
        .formatted(key, url, method, extraInputs);
  }
}
