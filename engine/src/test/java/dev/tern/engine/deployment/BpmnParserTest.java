package dev.tern.engine.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.engine.TernException;
import dev.tern.engine.deployment.model.Continuation;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.IoMapping;
import dev.tern.engine.deployment.model.EventTrigger;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ParameterValue;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.deployment.model.TimerDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpmnParserTest {

  private final BpmnParser parser = new BpmnParser(true);

  static String definitions(String processes) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     id="defs" targetNamespace="http://tern.dev/test">
        """
        + processes
        + "\n</definitions>\n";
  }

  /** An executable process with a history time to live and the given content. */
  static String process(String id, String content) {
    return definitions(
        "<process id=\""
            + id
            + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">\n"
            + content
            + "\n</process>");
  }

  static String startTo(String target) {
    return "<startEvent id=\"start\"/><sequenceFlow id=\"f0\" sourceRef=\"start\" targetRef=\""
        + target
        + "\"/>";
  }

  private ProcessModel parseOne(String xml) {
    List<ProcessModel> models = parser.parse("test.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(models).hasSize(1);
    return models.get(0);
  }

  private ParseException refusal(String xml) {
    return refusal(parser, xml);
  }

  private static ParseException refusal(BpmnParser parser, String xml) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> parser.parse("test.bpmn", xml.getBytes(StandardCharsets.UTF_8)));
    assertThat(thrown).isInstanceOf(ParseException.class);
    ParseException e = (ParseException) thrown;
    assertThat(e.category()).isEqualTo(TernException.Category.BAD_REQUEST);
    assertThat(e.type()).isEqualTo("ParseException");
    assertThat(e.getMessage()).startsWith("ENGINE-09005 Could not parse BPMN process. Errors: \n* ");
    assertThat(e.details()).containsOnlyKeys("test.bpmn");
    return e;
  }

  static byte[] resource(String name) throws IOException {
    try (InputStream in = BpmnParserTest.class.getResourceAsStream("/bpmn/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void orderSyncExampleParsesWithEveryElement() throws IOException {
    ProcessModel model = parser.parse("order-sync.bpmn", resource("order-sync.bpmn")).get(0);

    assertThat(model.key()).isEqualTo("orderSync");
    assertThat(model.name()).isEqualTo("Order sync");
    assertThat(model.historyTimeToLive()).isEqualTo(30);
    assertThat(model.startEventId()).isEqualTo("start");
    assertThat(model.startableInTasklist()).isTrue();

    FlowNode call = model.node("callDownstream");
    assertThat(call.continuation()).isEqualTo(new Continuation(true, false, true, "R2/PT10S"));
    var connector =
        (ServiceImplementation.Connector) ((NodeKind.ServiceTask) call.kind()).implementation();
    assertThat(connector.connectorId()).isEqualTo("http-connector");
    IoMapping io = connector.ioMapping();
    assertThat(io.inputs())
        .extracting(IoMapping.Parameter::name)
        .containsExactly("url", "method", "headers", "payload", "request-config");
    assertThat(io.inputs().get(0).value())
        .isEqualTo(new ParameterValue.Text("http://127.0.0.1:9090/orders/${orderId}"));
    assertThat(io.inputs().get(4).value())
        .isEqualTo(new ParameterValue.MapValue(Map.of("throw-http-error", new ParameterValue.Text("TRUE"))));
    assertThat(io.outputs())
        .containsExactly(new IoMapping.Parameter("downstreamStatus", new ParameterValue.Text("${statusCode}")));
    assertThat(call.ioMapping()).isEqualTo(IoMapping.NONE);

    assertThat(model.node("bigOrder").kind()).isEqualTo(new NodeKind.ExclusiveGateway("toDone"));
    assertThat(model.node("bigOrder").outgoing()).containsExactly("toReview", "toDone");
    assertThat(model.flow("toReview").conditionExpression()).isEqualTo("${amount > 1000}");
    assertThat(model.flow("toDone").conditionExpression()).isNull();
    assertThat(model.node("review").kind()).isInstanceOf(NodeKind.UserTask.class);
    assertThat(model.node("reviewTimeout").kind())
        .isEqualTo(
            new NodeKind.BoundaryTimerEvent(
                "review", true, new TimerDefinition(TimerDefinition.Type.DURATION, "P2D")));
    assertThat(model.boundaryEventsOf("review")).extracting(FlowNode::id).containsExactly("reviewTimeout");
    assertThat(model.node("done").kind()).isInstanceOf(NodeKind.NoneEndEvent.class);
    assertThat(model.node("done").incoming()).containsExactlyInAnyOrder("toDone", "reviewed", "timedOut");
  }

  @Test
  void incomingAndOutgoingComeFromTheFlowsEvenWithoutIncomingElements() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("task")
                    + "<userTask id=\"task\" name=\"Do it\" camunda:assignee=\"demo\"/>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"task\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    assertThat(model.node("task").incoming()).containsExactly("f0");
    assertThat(model.node("task").outgoing()).containsExactly("f1");
    assertThat(model.node("task").name()).isEqualTo("Do it");
    assertThat(((NodeKind.UserTask) model.node("task").kind()).task().assignee()).isEqualTo("demo");
    assertThat(model.node("start").continuation()).isEqualTo(Continuation.SYNCHRONOUS);
  }

  @Test
  void taskListenersAreReadWithTheirEventsAndImplementations() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("task")
                    + "<userTask id=\"task\"><extensionElements>"
                    + "<camunda:taskListener event=\"create\" expression=\"${true}\"/>"
                    + "<camunda:taskListener event=\"complete\" delegateExpression=\"${bean}\"/>"
                    + "</extensionElements></userTask>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"task\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    var task = ((dev.tern.engine.deployment.model.NodeKind.UserTask) model.node("task").kind()).task();
    assertThat(task.listeners())
        .containsExactly(
            new dev.tern.engine.deployment.model.UserTaskListener(
                "create", new ServiceImplementation.Expression("${true}", null)),
            new dev.tern.engine.deployment.model.UserTaskListener(
                "complete", new ServiceImplementation.DelegateExpression("${bean}")));
  }

  @Test
  void timeoutClassScriptAndMisplacedTaskListenersAreRefusedRatherThanIgnored() {
    for (String listener :
        List.of(
            "<camunda:taskListener event=\"timeout\" expression=\"${true}\"/>",
            "<camunda:taskListener event=\"create\" class=\"com.example.Listener\"/>",
            "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"groovy\">x</camunda:script></camunda:taskListener>",
            "<camunda:taskListener event=\"create\" expression=\"${a}\" delegateExpression=\"${b}\"/>",
            "<camunda:taskListener event=\"start\" expression=\"${true}\"/>")) {
      ParseException e =
          refusal(
              process(
                  "p",
                  startTo("task")
                      + "<userTask id=\"task\"><extensionElements>"
                      + listener
                      + "</extensionElements></userTask>"
                      + "<sequenceFlow id=\"f1\" sourceRef=\"task\" targetRef=\"end\"/>"
                      + "<endEvent id=\"end\"/>"));
      assertThat(e.getMessage()).contains("Task listener of 'task'");
    }
    ParseException misplaced =
        refusal(
            process(
                "p",
                startTo("task")
                    + "<serviceTask id=\"task\" camunda:expression=\"${true}\"><extensionElements>"
                    + "<camunda:taskListener event=\"create\" expression=\"${true}\"/>"
                    + "</extensionElements></serviceTask>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"task\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));
    assertThat(misplaced.getMessage()).contains("Task listeners belong to user tasks: 'task' has one");
  }

  @Test
  void serviceTaskImplementationsAreRead() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("a")
                    + "<serviceTask id=\"a\" camunda:expression=\"${calc.add(1, 2)}\" camunda:resultVariable=\"sum\"/>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"b\"/>"
                    + "<serviceTask id=\"b\" camunda:delegateExpression=\"${mailer}\"/>"
                    + "<sequenceFlow id=\"f2\" sourceRef=\"b\" targetRef=\"c\"/>"
                    + "<serviceTask id=\"c\" camunda:class=\"com.example.Send\"/>"
                    + "<sequenceFlow id=\"f3\" sourceRef=\"c\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    assertThat(((NodeKind.ServiceTask) model.node("a").kind()).implementation())
        .isEqualTo(new ServiceImplementation.Expression("${calc.add(1, 2)}", "sum"));
    assertThat(((NodeKind.ServiceTask) model.node("b").kind()).implementation())
        .isEqualTo(new ServiceImplementation.DelegateExpression("${mailer}"));
    assertThat(((NodeKind.ServiceTask) model.node("c").kind()).implementation())
        .isEqualTo(new ServiceImplementation.JavaClass("com.example.Send"));
  }

  @Test
  void asyncFlagsExclusiveAndRetryCycleAreRead() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("a")
                    + "<serviceTask id=\"a\" camunda:expression=\"${1}\" camunda:asyncBefore=\"true\""
                    + " camunda:asyncAfter=\"true\" camunda:exclusive=\"false\">"
                    + "<extensionElements><camunda:failedJobRetryTimeCycle>PT1M,PT5M</camunda:failedJobRetryTimeCycle></extensionElements>"
                    + "</serviceTask>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"a\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\" camunda:asyncBefore=\"true\"/>"));

    assertThat(model.node("a").continuation()).isEqualTo(new Continuation(true, true, false, "PT1M,PT5M"));
    assertThat(model.node("end").continuation()).isEqualTo(new Continuation(true, false, true, null));
  }

  @Test
  void inputOutputWithTextMapListAndEmptyValues() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("task")
                    + "<userTask id=\"task\"><extensionElements><camunda:inputOutput>"
                    + "<camunda:inputParameter name=\"greeting\">  Hello ${name}  </camunda:inputParameter>"
                    + "<camunda:inputParameter name=\"nothing\"/>"
                    + "<camunda:inputParameter name=\"list\"><camunda:list>"
                    + "<camunda:value>one</camunda:value><camunda:value>${two}</camunda:value>"
                    + "<camunda:map><camunda:entry key=\"k\">v</camunda:entry></camunda:map>"
                    + "</camunda:list></camunda:inputParameter>"
                    + "<camunda:outputParameter name=\"result\">${greeting}</camunda:outputParameter>"
                    + "</camunda:inputOutput></extensionElements></userTask>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"task\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    IoMapping io = model.node("task").ioMapping();
    assertThat(io.inputs())
        .containsExactly(
            new IoMapping.Parameter("greeting", new ParameterValue.Text("Hello ${name}")),
            new IoMapping.Parameter("nothing", new ParameterValue.Null()),
            new IoMapping.Parameter(
                "list",
                new ParameterValue.ListValue(
                    List.of(
                        new ParameterValue.Text("one"),
                        new ParameterValue.Text("${two}"),
                        new ParameterValue.MapValue(Map.of("k", new ParameterValue.Text("v")))))));
    assertThat(io.outputs())
        .containsExactly(new IoMapping.Parameter("result", new ParameterValue.Text("${greeting}")));
  }

  @Test
  void parallelGatewayForkAndJoin() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + "<sequenceFlow id=\"a\" sourceRef=\"fork\" targetRef=\"join\"/>"
                    + "<sequenceFlow id=\"b\" sourceRef=\"fork\" targetRef=\"join\"/>"
                    + "<parallelGateway id=\"join\"/>"
                    + "<sequenceFlow id=\"c\" sourceRef=\"join\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    assertThat(model.node("fork").kind()).isInstanceOf(NodeKind.ParallelGateway.class);
    assertThat(model.node("fork").outgoing()).containsExactly("a", "b");
    assertThat(model.node("join").incoming()).containsExactly("a", "b");
  }

  @Test
  void intermediateTimerCatchEventsWithDateDurationAndCycle() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("t1")
                    + "<intermediateCatchEvent id=\"t1\"><timerEventDefinition><timeDuration>PT5M</timeDuration></timerEventDefinition></intermediateCatchEvent>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"t1\" targetRef=\"t2\"/>"
                    + "<intermediateCatchEvent id=\"t2\"><timerEventDefinition><timeDate>2026-01-02T03:04:05Z</timeDate></timerEventDefinition></intermediateCatchEvent>"
                    + "<sequenceFlow id=\"f2\" sourceRef=\"t2\" targetRef=\"t3\"/>"
                    + "<intermediateCatchEvent id=\"t3\"><timerEventDefinition><timeCycle>R3/PT10S</timeCycle></timerEventDefinition></intermediateCatchEvent>"
                    + "<sequenceFlow id=\"f3\" sourceRef=\"t3\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    assertThat(model.node("t1").kind())
        .isEqualTo(new NodeKind.TimerCatchEvent(new TimerDefinition(TimerDefinition.Type.DURATION, "PT5M")));
    assertThat(model.node("t2").kind())
        .isEqualTo(new NodeKind.TimerCatchEvent(new TimerDefinition(TimerDefinition.Type.DATE, "2026-01-02T03:04:05Z")));
    assertThat(model.node("t3").kind())
        .isEqualTo(new NodeKind.TimerCatchEvent(new TimerDefinition(TimerDefinition.Type.CYCLE, "R3/PT10S")));
    assertThat(model.node("t1").activityType()).isEqualTo("intermediateTimer");
  }

  @Test
  void processAttributesVersionTagNamesAndTtlAsIsoDays() {
    ProcessModel model =
        parseOne(
            definitions(
                "<process id=\"p\" name=\"My process\" isExecutable=\"true\" camunda:historyTimeToLive=\"P7D\""
                    + " camunda:versionTag=\"v1.2\" camunda:isStartableInTasklist=\"false\">"
                    + startTo("end")
                    + "<endEvent id=\"end\" name=\"Done\"/></process>"));

    assertThat(model.name()).isEqualTo("My process");
    assertThat(model.historyTimeToLive()).isEqualTo(7);
    assertThat(model.versionTag()).isEqualTo("v1.2");
    assertThat(model.startableInTasklist()).isFalse();
    assertThat(model.node("end").name()).isEqualTo("Done");
  }

  @Test
  void onlyExecutableProcessesAreReturnedAndMissingIsExecutableCountsAsExecutable() {
    List<ProcessModel> models =
        parser.parse(
            "test.bpmn",
            definitions(
                    "<process id=\"off\" isExecutable=\"false\"><startEvent id=\"s1\"/></process>"
                        + "<process id=\"implicit\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s2\"/></process>")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(models).extracting(ProcessModel::key).containsExactly("implicit");
  }

  @Test
  void historyTimeToLiveIsRequiredByDefaultWithCamundasMessage() {
    String xml =
        definitions("<process id=\"noTtl\" isExecutable=\"true\"><startEvent id=\"s\"/></process>");

    ParseException e = refusal(xml);

    assertThat(e.getMessage())
        .contains("ENGINE-12018 History Time To Live (TTL) cannot be null.")
        .contains("* Set historyTimeToLive in the model")
        .contains("| resource test.bpmn | line ");
    ParseException.Problem problem = e.details().get("test.bpmn").errors().get(0);
    assertThat(problem.mainElementId()).isEqualTo("noTtl");
    assertThat(problem.elementIds()).containsExactly("noTtl");
    assertThat(problem.line()).isGreaterThan(0);
  }

  @Test
  void historyTimeToLiveCanBeMadeOptional() {
    String xml =
        definitions("<process id=\"noTtl\" isExecutable=\"true\"><startEvent id=\"s\"/></process>");

    ProcessModel model = new BpmnParser(false).parse("x.bpmn", xml.getBytes(StandardCharsets.UTF_8)).get(0);

    assertThat(model.historyTimeToLive()).isNull();
  }

  @Test
  void refusesANegativeHistoryTimeToLive() {
    String xml =
        definitions(
            "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"-1\"><startEvent id=\"s\"/></process>");

    assertThat(refusal(xml).getMessage()).contains("negative value is not allowed");
  }

  @Test
  void refusesAScriptTaskNamingIt() {
    ParseException e =
        refusal(
            process(
                "p",
                startTo("script")
                    + "<scriptTask id=\"script\" scriptFormat=\"groovy\"><script>1</script></scriptTask>"));

    assertThat(e.getMessage())
        .contains("Element 'script' of type 'scriptTask' is not supported by Tern")
        .contains("| element script");
  }

  @Test
  void refusesEventSubProcessesTransactionsAndSubProcessesWithoutOneNoneStartEvent() {
    ParseException e =
        refusal(
            process(
                "p",
                startTo("fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + "<sequenceFlow id=\"a\" sourceRef=\"fork\" targetRef=\"noStart\"/>"
                    + "<sequenceFlow id=\"b\" sourceRef=\"fork\" targetRef=\"tx\"/>"
                    + "<subProcess id=\"noStart\"><userTask id=\"t\"/></subProcess>"
                    + "<transaction id=\"tx\"><startEvent id=\"txStart\"/></transaction>"
                    + "<subProcess id=\"onEvent\" triggeredByEvent=\"true\"><startEvent id=\"evStart\">"
                    + "<compensateEventDefinition/>"
                    + "</startEvent></subProcess>"));

    assertThat(e.getMessage())
        .contains("Sub-process 'noStart' must have exactly one start event, a none start event (0 start event(s) found)")
        .contains("Element 'tx' of type 'transaction' is not supported by Tern")
        .contains(
            "Event sub-process 'onEvent' starts with a compensate event; Tern supports error,"
                + " escalation, message, signal, timer and conditional start events in event"
                + " sub-processes");
  }

  @Test
  void refusesSequenceFlowsAcrossASubProcessBoundaryAndMappingsOnAnEventSubProcess() {
    ParseException e =
        refusal(
            process(
                "p",
                startTo("sub")
                    + "<subProcess id=\"sub\"><startEvent id=\"inner\"/></subProcess>"
                    + "<sequenceFlow id=\"out\" sourceRef=\"inner\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"
                    + "<subProcess id=\"events\" triggeredByEvent=\"true\">"
                    + "<extensionElements><camunda:inputOutput>"
                    + "<camunda:inputParameter name=\"x\">1</camunda:inputParameter>"
                    + "</camunda:inputOutput></extensionElements>"
                    + "<startEvent id=\"esStart\"><errorEventDefinition/></startEvent>"
                    + "</subProcess>"));

    assertThat(e.getMessage())
        .contains("Sequence flow 'out' crosses the boundary of a sub-process (from 'inner' to 'end')")
        .contains("camunda:inputOutput mapping unsupported for element type 'subProcess'.");
  }

  @Test
  void anEmbeddedSubProcessReadsItsInputAndOutputParameters() {
    ProcessModel model =
        parseOne(
            process(
                "p",
                startTo("sub")
                    + "<subProcess id=\"sub\"><extensionElements><camunda:inputOutput>"
                    + "<camunda:inputParameter name=\"x\">1</camunda:inputParameter>"
                    + "<camunda:outputParameter name=\"y\">${x}</camunda:outputParameter>"
                    + "</camunda:inputOutput></extensionElements>"
                    + "<startEvent id=\"inner\"/></subProcess>"));

    assertThat(model.node("sub").ioMapping().inputs())
        .extracting(dev.tern.engine.deployment.model.IoMapping.Parameter::name)
        .containsExactly("x");
    assertThat(model.node("sub").ioMapping().outputs())
        .extracting(dev.tern.engine.deployment.model.IoMapping.Parameter::name)
        .containsExactly("y");
  }

  @Test
  void refusesCallActivitiesWithoutACalledProcessKeyOrWithAnUnknownBinding() {
    ParseException e =
        refusal(
            process(
                "p",
                startTo("fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + "<sequenceFlow id=\"a\" sourceRef=\"fork\" targetRef=\"noKey\"/>"
                    + "<sequenceFlow id=\"b\" sourceRef=\"fork\" targetRef=\"badBinding\"/>"
                    + "<sequenceFlow id=\"c\" sourceRef=\"fork\" targetRef=\"badIn\"/>"
                    + "<callActivity id=\"noKey\"/>"
                    + "<callActivity id=\"badBinding\" calledElement=\"x\" camunda:calledElementBinding=\"newest\"/>"
                    + "<sequenceFlow id=\"d\" sourceRef=\"fork\" targetRef=\"byClass\"/>"
                    + "<callActivity id=\"byClass\" calledElement=\"x\" camunda:variableMappingClass=\"a.B\"/>"
                    + "<callActivity id=\"badIn\" calledElement=\"x\"><extensionElements>"
                    + "<camunda:in source=\"a\"/></extensionElements></callActivity>"));

    assertThat(e.getMessage())
        .contains("Missing attribute 'calledElement' on call activity 'noKey'")
        .contains("Unsupported camunda:calledElementBinding 'newest' on call activity 'badBinding'")
        .contains("camunda:in / camunda:out of call activity 'badIn' needs source or sourceExpression, and target")
        .contains("Call activity 'byClass' maps variables by a delegate");
  }

  @Test
  void refusesStandardLoopsAndMultiInstanceWithoutCardinalityOrCollection() {
    ParseException e =
        refusal(
            definitions(
                "<message id=\"m\" name=\"m\"/>"
                    + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"30\">"
                    + startTo("fork")
                    + "<parallelGateway id=\"fork\"/>"
                    + "<sequenceFlow id=\"a\" sourceRef=\"fork\" targetRef=\"standard\"/>"
                    + "<sequenceFlow id=\"b\" sourceRef=\"fork\" targetRef=\"nothing\"/>"
                    + "<sequenceFlow id=\"c\" sourceRef=\"fork\" targetRef=\"receive\"/>"
                    + "<userTask id=\"standard\"><standardLoopCharacteristics/></userTask>"
                    + "<userTask id=\"nothing\"><multiInstanceLoopCharacteristics/></userTask>"
                    + "<receiveTask id=\"receive\" messageRef=\"m\"><multiInstanceLoopCharacteristics>"
                    + "<loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></receiveTask>"
                    + "</process>"));

    assertThat(e.getMessage())
        .contains("Activity 'standard' has a standard loop")
        .contains("Either loopCardinality or collection must been set on the multi-instance loop of 'nothing'")
        .contains("Multi-instance is not supported on 'receive' of type 'receiveTask'");
  }

  @Test
  void aMultiInstanceLoopIsReadWithTheContinuationsOfItsInnerInstances() {
    var model =
        parseOne(
            process(
                "p",
                startTo("review")
                    + "<userTask id=\"review\"><multiInstanceLoopCharacteristics isSequential=\"true\""
                    + " camunda:collection=\"${people}\" camunda:elementVariable=\"person\""
                    + " camunda:asyncBefore=\"true\" camunda:exclusive=\"false\">"
                    + "<extensionElements><camunda:failedJobRetryTimeCycle>R2/PT1M"
                    + "</camunda:failedJobRetryTimeCycle></extensionElements>"
                    + "<completionCondition>${done}</completionCondition>"
                    + "</multiInstanceLoopCharacteristics></userTask>"));

    assertThat(model.multiInstanceOf("review"))
        .isEqualTo(
            new dev.tern.engine.deployment.model.MultiInstance(
                true,
                null,
                "${people}",
                "person",
                "${done}",
                new dev.tern.engine.deployment.model.Continuation(true, false, false, "R2/PT1M")));
    assertThat(model.node("review").continuation())
        .isEqualTo(dev.tern.engine.deployment.model.Continuation.SYNCHRONOUS);
  }

  @Test
  void aSubProcessAndItsBoundaryEventsAreRead() {
    var model =
        new BpmnParser(false)
            .parse(
                "p.bpmn",
                definitions(
                        "<escalation id=\"esc\" escalationCode=\"LATE\"/>"
                            + "<process id=\"p\" isExecutable=\"true\">"
                            + startTo("sub")
                            + "<subProcess id=\"sub\"><startEvent id=\"inner\"/>"
                            + "<sequenceFlow id=\"i\" sourceRef=\"inner\" targetRef=\"innerEnd\"/>"
                            + "<endEvent id=\"innerEnd\"/></subProcess>"
                            + "<boundaryEvent id=\"esc1\" attachedToRef=\"sub\" cancelActivity=\"false\">"
                            + "<escalationEventDefinition escalationRef=\"esc\"/></boundaryEvent>"
                            + "</process>")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .get(0);

    assertThat(model.node("sub").kind())
        .isEqualTo(new dev.tern.engine.deployment.model.NodeKind.SubProcess("inner"));
    assertThat(model.parentOf("innerEnd")).isEqualTo("sub");
    assertThat(model.parentOf("sub")).isNull();
    assertThat(model.startEventId()).isEqualTo("start");
    assertThat(model.node("esc1").kind())
        .isEqualTo(
            new dev.tern.engine.deployment.model.NodeKind.BoundaryEscalationEvent(
                "sub", false, "LATE", null));
  }

  @Test
  void refusesCompensationEndEventsAndEscalationStartsOfTheProcessNamingThem() {
    ParseException e =
        refusal(
            definitions(
                "<message id=\"m\" name=\"msg\"/><escalation id=\"esc\" escalationCode=\"E\"/>"
                    + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                    + "<startEvent id=\"escStart\"><escalationEventDefinition escalationRef=\"esc\"/></startEvent>"
                    + "<sequenceFlow id=\"f\" sourceRef=\"escStart\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"><compensateEventDefinition/></endEvent>"
                    + "</process>"));

    assertThat(e.getMessage())
        .contains("Start event 'escStart' is a")
        .contains("End event 'end' is a compensate end event");
  }

  @Test
  void readsMessageAndSignalEventsReceiveTasksAndTheirBoundaries() {
    ProcessModel model =
        parser
            .parse(
                "test.bpmn",
                definitions(
                        "<message id=\"m\" name=\"paid\"/><message id=\"m2\" name=\"placed\"/><message id=\"m3\" name=\"alarm\"/>"
                            + "<signal id=\"s\" name=\"alarm\"/>"
                            + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                            + "<startEvent id=\"byMessage\"><messageEventDefinition messageRef=\"m2\"/></startEvent>"
                            + "<startEvent id=\"bySignal\"><messageEventDefinition messageRef=\"m3\"/></startEvent>"
                            + "<sequenceFlow id=\"f1\" sourceRef=\"byMessage\" targetRef=\"catch\"/>"
                            + "<sequenceFlow id=\"f2\" sourceRef=\"bySignal\" targetRef=\"catch\"/>"
                            + "<intermediateCatchEvent id=\"catch\"><messageEventDefinition messageRef=\"m\"/></intermediateCatchEvent>"
                            + "<sequenceFlow id=\"f3\" sourceRef=\"catch\" targetRef=\"receive\"/>"
                            + "<receiveTask id=\"receive\" messageRef=\"m\"/>"
                            + "<boundaryEvent id=\"b\" attachedToRef=\"receive\" cancelActivity=\"false\"><messageEventDefinition messageRef=\"m3\"/></boundaryEvent>"
                            + "</process>")
                    .getBytes(StandardCharsets.UTF_8))
            .get(0);

    assertThat(model.startEventId()).isNull();
    assertThat(model.node("byMessage").kind())
        .isEqualTo(new NodeKind.EventStartEvent(EventTrigger.message("placed")));
    assertThat(model.node("byMessage").activityType()).isEqualTo("messageStartEvent");
    assertThat(model.node("bySignal").activityType()).isEqualTo("messageStartEvent");
    assertThat(model.node("catch").kind()).isEqualTo(new NodeKind.EventCatchEvent(EventTrigger.message("paid")));
    assertThat(model.node("catch").activityType()).isEqualTo("intermediateMessageCatch");
    assertThat(model.node("receive").kind()).isEqualTo(new NodeKind.ReceiveTask("paid"));
    assertThat(model.node("b").kind())
        .isEqualTo(new NodeKind.BoundaryTriggerEvent("receive", false, EventTrigger.message("alarm")));
    assertThat(model.triggerBoundariesOf("receive")).hasSize(1);
  }

  @Test
  void aSingleMessageStartEventIsWhereAPlainStartBegins() {
    ProcessModel model =
        parser
            .parse(
                "test.bpmn",
                definitions(
                        "<message id=\"m\" name=\"go\"/><process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                            + "<startEvent id=\"s\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                            + "<sequenceFlow id=\"f\" sourceRef=\"s\" targetRef=\"e\"/><endEvent id=\"e\"/></process>")
                    .getBytes(StandardCharsets.UTF_8))
            .get(0);

    assertThat(model.startEventId()).isEqualTo("s");
  }

  @Test
  void refusesTwoMessageStartEventsWithOneNameAndEventsWithoutAName() {
    ParseException e =
        refusal(
            definitions(
                "<message id=\"m\" name=\"go\"/><message id=\"anonymous\"/>"
                    + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                    + "<startEvent id=\"s1\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                    + "<startEvent id=\"s2\"><messageEventDefinition messageRef=\"m\"/></startEvent>"
                    + "<sequenceFlow id=\"f1\" sourceRef=\"s1\" targetRef=\"c\"/>"
                    + "<sequenceFlow id=\"f2\" sourceRef=\"s2\" targetRef=\"c\"/>"
                    + "<intermediateCatchEvent id=\"c\"><messageEventDefinition messageRef=\"anonymous\"/></intermediateCatchEvent>"
                    + "<sequenceFlow id=\"f3\" sourceRef=\"c\" targetRef=\"r\"/>"
                    + "<receiveTask id=\"r\"/>"
                    + "</process>"));

    assertThat(e.getMessage())
        .contains("Cannot have more than one message event subscription with name 'go' for scope 'p'")
        .contains("Event 'c' has no message name")
        .doesNotContain("Receive task 'r'"); // a receive task without message waits for a signal
  }

  @Test
  void readsNonInterruptingTimerBoundaryEvents() {
    ProcessModel model =
        parser
            .parse(
                "test.bpmn",
                process(
                        "p",
                        startTo("task")
                            + "<userTask id=\"task\"/>"
                            + "<boundaryEvent id=\"b\" attachedToRef=\"task\" cancelActivity=\"false\">"
                            + "<timerEventDefinition><timeCycle>R2/PT1H</timeCycle></timerEventDefinition></boundaryEvent>")
                    .getBytes(StandardCharsets.UTF_8))
            .get(0);

    assertThat(((NodeKind.BoundaryTimerEvent) model.node("b").kind()).cancelActivity()).isFalse();
  }

  @Test
  void readsSignalThrowAndEndEventsAndNoneThrowEventsAndRefusesAnExternalMessageThrowWithoutTopic() {
    String body =
        "<signal id=\"sig\" name=\"S\"/><message id=\"m\" name=\"M\"/>"
            + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + startTo("none")
            + "<intermediateThrowEvent id=\"none\"/>"
            + "<sequenceFlow id=\"f1\" sourceRef=\"none\" targetRef=\"throw\"/>"
            + "<intermediateThrowEvent id=\"throw\"><signalEventDefinition signalRef=\"sig\"/></intermediateThrowEvent>"
            + "<sequenceFlow id=\"f2\" sourceRef=\"throw\" targetRef=\"end\"/>"
            + "<endEvent id=\"end\"><signalEventDefinition signalRef=\"sig\"/></endEvent>"
            + "</process>";
    ProcessModel model =
        parser.parse("test.bpmn", definitions(body).getBytes(StandardCharsets.UTF_8)).get(0);

    assertThat(model.node("none").kind()).isEqualTo(new NodeKind.NoneThrowEvent());
    assertThat(model.node("throw").kind()).isEqualTo(new NodeKind.SignalThrowEvent("S", false, List.of(), null));
    assertThat(model.node("end").kind()).isEqualTo(new NodeKind.SignalThrowEvent("S", true, List.of(), null));
    assertThat(model.node("end").activityType()).isEqualTo("signalEndEvent");
    assertThat(
            refusal(
                    definitions(
                        body.replace(
                            "<signalEventDefinition signalRef=\"sig\"/></intermediateThrowEvent>",
                            "<messageEventDefinition messageRef=\"m\" camunda:type=\"external\"/></intermediateThrowEvent>")))
                .getMessage())
        .contains("External tasks must specify a 'topic' attribute in the camunda namespace");
  }

  @Test
  void refusesALinkThrowWithoutItsCatchAndTwoCatchesOfOneName() {
    ParseException e =
        refusal(
            process(
                "p",
                startTo("throw")
                    + "<intermediateThrowEvent id=\"throw\"><linkEventDefinition name=\"X\"/></intermediateThrowEvent>"
                    + "<intermediateCatchEvent id=\"c1\"><linkEventDefinition name=\"Y\"/></intermediateCatchEvent>"
                    + "<intermediateCatchEvent id=\"c2\"><linkEventDefinition name=\"Y\"/></intermediateCatchEvent>"));

    assertThat(e.getMessage())
        .contains("No link catch event with name 'X' for link throw event 'throw' in process 'p'")
        .contains("Multiple link catch events with name 'Y' in process 'p'");
  }

  @Test
  void refusesAnEventBasedGatewayLeadingToATaskAndAForeignInclusiveDefault() {
    ParseException e =
        refusal(
            process(
                "p",
                startTo("gate")
                    + "<eventBasedGateway id=\"gate\"/>"
                    + "<sequenceFlow id=\"g1\" sourceRef=\"gate\" targetRef=\"task\"/>"
                    + "<userTask id=\"task\"/>"
                    + "<sequenceFlow id=\"g2\" sourceRef=\"task\" targetRef=\"incl\"/>"
                    + "<inclusiveGateway id=\"incl\" default=\"g1\"/>"));

    assertThat(e.getMessage())
        .contains("Event based gateway 'gate' must have at least two outgoing sequence flows")
        .contains("Event based gateway 'gate' may only lead to message, signal or timer intermediate catch events (sequence flow 'g1')")
        .contains("Default sequence flow 'g1' of inclusive gateway 'incl' is not one of its outgoing sequence flows");
  }

  @Test
  void refusesAMessageBoundaryOnAnActivityNoTokenWaitsIn() {
    assertThat(
            refusal(
                    definitions(
                        "<message id=\"m\" name=\"M\"/><process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                            + startTo("gw")
                            + "<exclusiveGateway id=\"gw\"/>"
                            + "<boundaryEvent id=\"b\" attachedToRef=\"gw\"><messageEventDefinition messageRef=\"m\"/></boundaryEvent>"
                            + "</process>"))
                .getMessage())
        .contains("Boundary event 'b' must be attached to a user, service or receive task");
  }

  @Test
  void escalationBoundariesAttachToUserTasksButNotToOtherTasks() {
    String boundaries =
        "<escalation id=\"esc\" escalationCode=\"LATE\"/>"
            + "<process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
            + startTo("task")
            + "<userTask id=\"task\"/><serviceTask id=\"call\" camunda:expression=\"${1}\"/>"
            + "<boundaryEvent id=\"onTask\" attachedToRef=\"task\" cancelActivity=\"false\">"
            + "<escalationEventDefinition escalationRef=\"esc\"/></boundaryEvent>";
    ProcessModel model =
        parser
            .parse("p.bpmn", definitions(boundaries + "</process>").getBytes(StandardCharsets.UTF_8))
            .get(0);

    assertThat(model.node("onTask").kind())
        .isEqualTo(
            new dev.tern.engine.deployment.model.NodeKind.BoundaryEscalationEvent(
                "task", false, "LATE", null));
    assertThat(
            refusal(
                    definitions(
                        boundaries
                            + "<boundaryEvent id=\"onCall\" attachedToRef=\"call\">"
                            + "<escalationEventDefinition escalationRef=\"esc\"/></boundaryEvent>"
                            + "</process>"))
                .getMessage())
        .contains(
            "Escalation boundary event 'onCall' must be attached to a sub-process, call activity or"
                + " user task of the same process (attachedToRef 'call')");
  }

  @Test
  void readsErrorBoundaryEventsWithTheirCodeAndVariables() {
    ProcessModel model =
        parser
            .parse(
                "test.bpmn",
                definitions(
                        "<error id=\"err\" errorCode=\"E1\"/><process id=\"p\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
                            + startTo("task")
                            + "<serviceTask id=\"task\" camunda:type=\"external\" camunda:topic=\"t\"/>"
                            + "<boundaryEvent id=\"b\" attachedToRef=\"task\"><errorEventDefinition errorRef=\"err\""
                            + " camunda:errorCodeVariable=\"c\" camunda:errorMessageVariable=\"m\"/></boundaryEvent>"
                            + "<boundaryEvent id=\"all\" attachedToRef=\"task\"><errorEventDefinition/></boundaryEvent>"
                            + "</process>")
                    .getBytes(StandardCharsets.UTF_8))
            .get(0);

    assertThat(model.node("b").kind()).isEqualTo(new NodeKind.BoundaryErrorEvent("task", "E1", "c", "m"));
    assertThat(model.node("all").kind()).isEqualTo(new NodeKind.BoundaryErrorEvent("task", null, null, null));
    assertThat(model.errorBoundariesOf("task")).hasSize(2);
    assertThat(model.boundaryEventsOf("task")).isEmpty();
  }

  @Test
  void refusesAProcessWithoutAStartEvent() {
    assertThat(refusal(process("p", "<userTask id=\"task\"/>")).getMessage())
        .contains("Process 'p' has no start event");
  }

  @Test
  void refusesAFlowToAMissingElement() {
    ParseException e = refusal(process("p", startTo("nowhere")));

    assertThat(e.getMessage())
        .contains("Invalid destination 'nowhere' of sequence flow 'f0' | resource test.bpmn | line ");
  }

  @Test
  void refusesATimerWithoutDefinition() {
    assertThat(
            refusal(
                    process(
                        "p",
                        startTo("t")
                            + "<intermediateCatchEvent id=\"t\"><timerEventDefinition/></intermediateCatchEvent>"))
                .getMessage())
        .contains("Timer needs configuration (either timeDate, timeCycle or timeDuration is needed).")
        .contains("| element t");
  }

  @Test
  void refusesAServiceTaskWithoutImplementation() {
    assertThat(refusal(process("p", startTo("s") + "<serviceTask id=\"s\"/>")).getMessage())
        .contains(
            "One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is mandatory on serviceTask.");
  }

  @Test
  void refusesOtherTaskTypesAndUnknownConnectors() {
    assertThat(
            refusal(process("p", startTo("s") + "<serviceTask id=\"s\" camunda:type=\"soap\" camunda:topic=\"t\"/>"))
                .getMessage())
        .contains("camunda:type 'soap'");
    assertThat(
            refusal(
                    process(
                        "p",
                        startTo("s")
                            + "<serviceTask id=\"s\"><extensionElements><camunda:connector>"
                            + "<camunda:connectorId>soap-http-connector</camunda:connectorId>"
                            + "</camunda:connector></extensionElements></serviceTask>"))
                .getMessage())
        .contains("Connector 'soap-http-connector' of service task 's' is not supported");
  }

  @Test
  void refusesAnExclusiveGatewayFlowWithoutConditionThatIsNotTheDefault() {
    ParseException e =
        refusal(
            process(
                "p",
                startTo("gw")
                    + "<exclusiveGateway id=\"gw\"/>"
                    + "<sequenceFlow id=\"a\" sourceRef=\"gw\" targetRef=\"end\"/>"
                    + "<sequenceFlow id=\"b\" sourceRef=\"gw\" targetRef=\"end\"/>"
                    + "<endEvent id=\"end\"/>"));

    assertThat(e.getMessage())
        .contains("Exclusive Gateway 'gw' has outgoing sequence flow 'a' without condition which is not the default flow.");
  }

  @Test
  void refusesScriptInputParameters() {
    assertThat(
            refusal(
                    process(
                        "p",
                        startTo("t")
                            + "<userTask id=\"t\"><extensionElements><camunda:inputOutput>"
                            + "<camunda:inputParameter name=\"x\"><camunda:script scriptFormat=\"js\">1</camunda:script></camunda:inputParameter>"
                            + "</camunda:inputOutput></extensionElements></userTask>"))
                .getMessage())
        .contains("Script values in camunda:inputOutput of 't' are not supported");
  }

  @Test
  void refusesInputOutputOnGatewaysAsCamundaDoes() {
    assertThat(
            refusal(
                    process(
                        "p",
                        startTo("gw")
                            + "<parallelGateway id=\"gw\"><extensionElements><camunda:inputOutput>"
                            + "<camunda:inputParameter name=\"x\">1</camunda:inputParameter>"
                            + "</camunda:inputOutput></extensionElements></parallelGateway>"))
                .getMessage())
        .contains("camunda:inputOutput mapping unsupported for element type 'parallelGateway'. | resource test.bpmn");
  }

  @Test
  void refusesInvalidXmlWithLineAndColumn() {
    ParseException e = refusal("<definitions><process id=\"p\"></definitions>");

    ParseException.Problem problem = e.details().get("test.bpmn").errors().get(0);
    assertThat(problem.line()).isEqualTo(1);
    assertThat(e.getMessage()).contains("| resource test.bpmn | line 1");
  }

  @Test
  void refusesAResourceThatIsNotXml() {
    ParseException e = refusal("this is not xml");

    assertThat(e.getMessage()).contains("| resource test.bpmn");
  }

  @Test
  void refusesXmlThatIsNotBpmn() {
    ParseException e = refusal("<?xml version=\"1.0\"?><order><id>1</id></order>");

    assertThat(e.getMessage())
        .contains("cvc-elt.1.a: Cannot find the declaration of element 'order'. | resource test.bpmn | line 1");
  }

  @Test
  void refusesDocumentTypeDeclarations() {
    refusal(
        "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</definitions>");
  }

  @Test
  void collectsEveryProblemOfAResource() {
    ParseException e =
        refusal(
            definitions(
                "<process id=\"p\" isExecutable=\"true\">"
                    + startTo("script")
                    + "<scriptTask id=\"script\" scriptFormat=\"groovy\"><script>1</script></scriptTask></process>"));

    assertThat(e.details().get("test.bpmn").errors())
        .extracting(ParseException.Problem::mainElementId)
        .containsExactlyInAnyOrder("script", "p");
  }
}
