package dev.tern.rest.runtime;

import dev.tern.engine.deployment.NewDeployment;
import dev.tern.rest.testing.RestTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A process that waits at one user task, deployed under a key unique to the test (the tests of a
 * class share a database), for tests of what a running instance holds.
 */
final class WaitingProcess {

  private static final String XML =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
        <process id="KEY" isExecutable="true" camunda:historyTimeToLive="30">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
          <userTask id="wait"/>
          <sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  private final RestTestServer server;
  private final String key = "w" + UUID.randomUUID().toString().substring(0, 8);

  private WaitingProcess(RestTestServer server) {
    this.server = server;
  }

  static WaitingProcess deploy(RestTestServer server) {
    WaitingProcess process = new WaitingProcess(server);
    server
        .engine()
        .deploymentService()
        .deploy(
            NewDeployment.of(
                Map.of(
                    process.key + ".bpmn",
                    XML.replace("KEY", process.key).getBytes(StandardCharsets.UTF_8))));
    return process;
  }

  String key() {
    return key;
  }

  /** Starts an instance with these variables; its id. */
  String start(Map<String, Object> variables) {
    return server
        .engine()
        .runtimeService()
        .startProcessInstanceByKey(key, null, null, variables)
        .id();
  }
}
