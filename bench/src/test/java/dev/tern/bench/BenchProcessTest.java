package dev.tern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

class BenchProcessTest {

  @Test
  void rendersTheSharedExampleWithKeyStubUrlAndRetryCycle() {
    BenchProcess process = new BenchProcess("orderSyncBench_abc", "http://127.0.0.1:41234", "R2/PT1S");

    BpmnModelInstance model =
        Bpmn.readModelFromStream(new ByteArrayInputStream(process.xml().getBytes(StandardCharsets.UTF_8)));
    Bpmn.validateModel(model);

    Process bpmnProcess = model.getModelElementsByType(Process.class).iterator().next();
    assertThat(bpmnProcess.getId()).isEqualTo("orderSyncBench_abc");
    ServiceTask call = model.getModelElementById("callDownstream");
    assertThat(call.isCamundaAsyncBefore()).isTrue();
    assertThat(model.getModelElementsByType(CamundaFailedJobRetryTimeCycle.class))
        .singleElement()
        .extracting(CamundaFailedJobRetryTimeCycle::getTextContent)
        .isEqualTo("R2/PT1S");
    assertThat(model.getModelElementsByType(CamundaInputParameter.class))
        .filteredOn(p -> p.getCamundaName().equals("url"))
        .singleElement()
        .extracting(CamundaInputParameter::getTextContent)
        .isEqualTo("http://127.0.0.1:41234/orders/${orderId}");
    assertThat(process.resourceName()).isEqualTo("orderSyncBench_abc.bpmn");
  }

  @Test
  void refusesAProcessKeyThatIsNoXmlName() {
    assertThatThrownBy(() -> new BenchProcess("1 bad", "http://127.0.0.1:1", "R2/PT1S"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
