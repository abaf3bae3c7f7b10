package dev.tern.engine.deployment;

import dev.tern.engine.deployment.ParseException.Problem;
import dev.tern.engine.deployment.model.Continuation;
import dev.tern.engine.deployment.model.EventTrigger;
import dev.tern.engine.deployment.model.ExecutionListener;
import dev.tern.engine.deployment.model.UserTaskListener;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.IoMapping;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ParameterValue;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.SequenceFlow;
import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.deployment.model.TaskDefinition;
import dev.tern.engine.deployment.model.TimerDefinition;
import dev.tern.engine.el.Expressions;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.Artifact;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.LoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import dev.tern.engine.deployment.model.MultiInstance;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import dev.tern.engine.deployment.model.VariableMapping;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.LinkEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Transaction;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConnector;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaEntry;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaList;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaMap;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOutputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.xml.sax.SAXParseException;

/**
 * Turns BPMN 2.0 XML into {@link ProcessModel}s, one per executable process, and refuses anything
 * Tern cannot run. All problems of a resource are collected and reported together in one {@link
 * ParseException}, in the format of Camunda 7.24's {@code ENGINE-09005}.
 */
public final class BpmnParser {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** Camunda 7.24's ENGINE-12018 text; Camunda repeats it (exception message plus its cause). */
  static final String HISTORY_TTL_MISSING;

  static {
    String ttl =
        "ENGINE-12018 History Time To Live (TTL) cannot be null. TTL is necessary for the History"
            + " Cleanup to work. The following options are possible:\n"
            + "* Set historyTimeToLive in the model\n"
            + "* Set a default historyTimeToLive as a global process engine configuration\n"
            + "* (Not recommended) Deactivate the enforceTTL config to disable this check";
    HISTORY_TTL_MISSING = ttl + ": " + ttl;
  }

  private static final Pattern TTL_DAYS = Pattern.compile("P(\\d+)D");

  private final boolean historyTimeToLiveRequired;

  /**
   * @param historyTimeToLiveRequired refuse executable processes without {@code
   *     camunda:historyTimeToLive}
   */
  public BpmnParser(boolean historyTimeToLiveRequired) {
    this.historyTimeToLiveRequired = historyTimeToLiveRequired;
  }

  /** Whether a resource name marks BPMN XML (Camunda's suffixes {@code .bpmn}, {@code .bpmn20.xml}). */
  public static boolean isBpmnResource(String resourceName) {
    return resourceName.endsWith(".bpmn") || resourceName.endsWith(".bpmn20.xml");
  }

  /**
   * Parses one resource.
   *
   * @return the executable processes, in document order (non-executable ones are skipped, as
   *     Camunda skips them)
   * @throws ParseException when the resource is not XML, not valid BPMN, or uses anything Tern
   *     cannot run
   */
  public List<ProcessModel> parse(String resourceName, byte[] xml) {
    return parseResource(resourceName, xml).processes();
  }

  /** A parsed BPMN resource: its {@code targetNamespace} (Camunda's category) and processes. */
  public record ParsedBpmn(String targetNamespace, List<ProcessModel> processes) {
    public ParsedBpmn {
      processes = List.copyOf(processes);
    }
  }

  /** Like {@link #parse}, also returning the definitions' {@code targetNamespace}. */
  public ParsedBpmn parseResource(String resourceName, byte[] xml) {
    ElementPositions positions;
    try {
      positions = ElementPositions.read(xml);
    } catch (SAXParseException e) {
      throw new ParseException(
          resourceName,
          List.of(
              new Problem(
                  e.getMessage(), resourceName, e.getLineNumber(), e.getColumnNumber(), null, List.of())));
    } catch (Exception e) {
      throw new ParseException(
          resourceName, List.of(new Problem(String.valueOf(e.getMessage()), resourceName, 0, 0, null, List.of())));
    }
    Problems problems = new Problems(resourceName, positions);
    for (ElementPositions.FlowRefs flow : positions.flows()) {
      if (flow.sourceRef() == null || positions.of(flow.sourceRef()) == ElementPositions.UNKNOWN) {
        problems.add(
            "Invalid source '" + flow.sourceRef() + "' of sequence flow '" + flow.id() + "'",
            flow.id());
      }
      if (flow.targetRef() == null || positions.of(flow.targetRef()) == ElementPositions.UNKNOWN) {
        problems.add(
            "Invalid destination '" + flow.targetRef() + "' of sequence flow '" + flow.id() + "'",
            flow.id());
      }
    }
    for (ElementPositions.ExpressionText expression : positions.expressions()) {
      for (String member : Expressions.refusedMembers(expression.text())) {
        problems.add(
            "Expression '"
                + expression.text()
                + "' uses '"
                + member
                + "', which expressions may not use (no classes, reflection, processes or files)",
            expression.elementId());
      }
    }
    problems.throwIfAny();
    BpmnModelInstance instance;
    try {
      instance = Bpmn.readModelFromStream(new ByteArrayInputStream(xml));
    } catch (RuntimeException e) {
      throw new ParseException(resourceName, List.of(schemaProblem(resourceName, e)));
    }
    List<ProcessModel> models = new ArrayList<>();
    for (Process process : instance.getModelElementsByType(Process.class)) {
      if (isExecutable(process)) {
        ProcessModel model = new ProcessReader(process, problems).read();
        if (model != null) {
          models.add(model);
        }
      }
    }
    problems.throwIfAny();
    return new ParsedBpmn(instance.getDefinitions().getTargetNamespace(), models);
  }

  private static final Pattern SCHEMA_ERROR = Pattern.compile("(?s)^Error: URI=\\S* Line=(\\d+): (.*)$");

  /** The schema validator's innermost message, reworded as Camunda reports schema errors. */
  private static Problem schemaProblem(String resourceName, RuntimeException e) {
    Throwable innermost = e;
    while (innermost.getCause() != null && innermost.getCause() != innermost) {
      innermost = innermost.getCause();
    }
    String message = String.valueOf(innermost.getMessage());
    int line = 0;
    int column = 0;
    if (innermost instanceof SAXParseException sax) {
      line = sax.getLineNumber();
      column = sax.getColumnNumber();
    }
    Matcher matcher = SCHEMA_ERROR.matcher(message);
    if (matcher.matches()) {
      line = Integer.parseInt(matcher.group(1));
      message = matcher.group(2);
    }
    return new Problem(message, resourceName, line, column, null, List.of());
  }

  /** A missing {@code isExecutable} counts as executable, as in Camunda. */
  private static boolean isExecutable(Process process) {
    String executable = process.getAttributeValue("isExecutable");
    return executable == null || Boolean.parseBoolean(executable.trim());
  }

  /** Collects the problems of one resource. */
  private static final class Problems {
    private final String resourceName;
    private final ElementPositions positions;
    private final List<Problem> errors = new ArrayList<>();

    Problems(String resourceName, ElementPositions positions) {
      this.resourceName = resourceName;
      this.positions = positions;
    }

    void add(String message, String elementId) {
      ElementPositions.Position at = positions.of(elementId);
      errors.add(
          new Problem(
              message,
              resourceName,
              at.line(),
              at.column(),
              elementId,
              elementId == null ? List.of() : List.of(elementId)));
    }

    void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new ParseException(resourceName, errors);
      }
    }
  }

  /** Reads one executable process. */
  private final class ProcessReader {
    private final Process process;
    private final Problems problems;
    private final Map<String, FlowElement> elements = new LinkedHashMap<>();
    private final Map<String, SequenceFlow> flows = new LinkedHashMap<>();
    private final Map<String, List<String>> incoming = new LinkedHashMap<>();
    private final Map<String, List<String>> outgoing = new LinkedHashMap<>();
    private final Map<String, MultiInstance> multiInstance = new LinkedHashMap<>();
    /** The enclosing sub-process of each element inside one, by element id. */
    private final Map<String, String> parents = new LinkedHashMap<>();
    /** Every flow element of the process and its sub-processes, in document order. */
    private final List<FlowElement> allElements = new ArrayList<>();

    ProcessReader(Process process, Problems problems) {
      this.process = process;
      this.problems = problems;
    }

    /** Collects the elements of a scope and, depth first, of its sub-processes. */
    private void collect(Collection<FlowElement> scopeElements, String parentId) {
      for (FlowElement element : scopeElements) {
        allElements.add(element);
        if (parentId != null) {
          parents.put(element.getId(), parentId);
        }
        if (element instanceof org.camunda.bpm.model.bpmn.instance.FlowNode) {
          elements.put(element.getId(), element);
          incoming.put(element.getId(), new ArrayList<>());
          outgoing.put(element.getId(), new ArrayList<>());
        }
        if (element instanceof SubProcess sub && (isEmbeddedSubProcess(sub) || isEventSubProcess(sub))) {
          collect(sub.getFlowElements(), sub.getId());
        }
      }
    }

    private static boolean isEventSubProcess(FlowElement element) {
      return element instanceof SubProcess sub
          && sub.triggeredByEvent()
          && sub.getElementType().getTypeName().equals("subProcess");
    }

    private static boolean isEmbeddedSubProcess(FlowElement element) {
      return element instanceof SubProcess sub
          && !(sub instanceof Transaction)
          && !sub.triggeredByEvent()
          && sub.getElementType().getTypeName().equals("subProcess");
    }

    ProcessModel read() {
      collect(process.getFlowElements(), null);
      for (FlowElement element : allElements) {
        if (element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow flow) {
          readFlow(flow);
        } else if (!(element instanceof org.camunda.bpm.model.bpmn.instance.FlowNode)
            && !isPassiveElement(element)) {
          unsupported(element);
        }
      }
      Map<String, FlowNode> nodes = new LinkedHashMap<>();
      List<String> noneStartEvents = new ArrayList<>();
      for (FlowElement element : elements.values()) {
        NodeKind kind = kindOf(element);
        if (kind == null) {
          continue;
        }
        if (element instanceof Activity activity && hasStandardLoop(activity)) {
          problems.add(
              "Activity '" + activity.getId() + "' has a standard loop; Tern supports multi-instance"
                  + " loops",
              activity.getId());
        } else if (element instanceof Activity activity && activity.getLoopCharacteristics() != null) {
          readLoop(activity, kind);
        }
        if (kind instanceof NodeKind.NoneStartEvent && !parents.containsKey(element.getId())) {
          noneStartEvents.add(element.getId());
        }
        nodes.put(
            element.getId(),
            new FlowNode(
                element.getId(),
                element.getName(),
                incoming.get(element.getId()),
                outgoing.get(element.getId()),
                continuation((org.camunda.bpm.model.bpmn.instance.FlowNode) element),
                activityIoMapping(element),
                kind));
      }
      validateGateways(nodes);
      resolveLinks(nodes);
      boolean eventStarts = validateEventStarts(nodes);
      if (noneStartEvents.isEmpty() && !eventStarts) {
        problems.add(
            "Process '"
                + process.getId()
                + "' has no start event; Tern starts process instances at a none, message or"
                + " signal start event",
            process.getId());
      } else if (noneStartEvents.size() > 1) {
        problems.add(
            "multiple none start events not supported on process definition", process.getId());
      }
      Integer historyTimeToLive = historyTimeToLive();
      if (noneStartEvents.size() > 1 || (noneStartEvents.isEmpty() && !eventStarts)) {
        return null;
      }
      Boolean startable = process.isCamundaStartableInTasklist();
      return new ProcessModel(
          process.getId(),
          process.getName(),
          historyTimeToLive,
          blankToNull(process.getCamundaVersionTag()),
          startable == null || startable,
          initialStartEvent(noneStartEvents, nodes),
          nodes,
          flows,
          listeners(),
          parents,
          multiInstance);
    }

    /** The model API has no type for {@code standardLoopCharacteristics}: look at the XML. */
    private static boolean hasStandardLoop(Activity activity) {
      return activity.getDomElement().getChildElements().stream()
          .anyMatch(child -> "standardLoopCharacteristics".equals(child.getLocalName()));
    }

    /**
     * {@code multiInstanceLoopCharacteristics} on a task, sub-process or call activity (its
     * {@code camunda:asyncBefore}/{@code asyncAfter} apply to each inner instance); standard loops
     * are refused.
     */
    private void readLoop(Activity activity, NodeKind kind) {
      String id = activity.getId();
      LoopCharacteristics loop = activity.getLoopCharacteristics();
      if (!(loop instanceof MultiInstanceLoopCharacteristics mi)) {
        problems.add(
            "Activity '" + id + "' has a standard loop; Tern supports multi-instance loops", id);
        return;
      }
      boolean supportedHost =
          kind instanceof NodeKind.UserTask
              || kind instanceof NodeKind.ServiceTask
              || kind instanceof NodeKind.SubProcess
              || kind instanceof NodeKind.CallActivity;
      if (kind != null && !supportedHost) {
        problems.add(
            "Multi-instance is not supported on '" + id + "' of type '"
                + activity.getElementType().getTypeName()
                + "'; Tern supports it on user, service, send and business-rule tasks,"
                + " sub-processes and call activities",
            id);
        return;
      }
      String cardinality = textOf(mi.getLoopCardinality());
      String collection = blankToNull(mi.getCamundaCollection());
      if (cardinality == null && collection == null) {
        problems.add(
            "Either loopCardinality or collection must been set on the multi-instance loop of '"
                + id
                + "'",
            id);
        return;
      }
      String condition = textOf(mi.getCompletionCondition());
      multiInstance.put(
          id,
          new MultiInstance(
              mi.isSequential(),
              cardinality,
              collection,
              blankToNull(mi.getCamundaElementVariable()),
              condition,
              continuation(mi)));
    }

    /**
     * Where a plain start begins: the none start event, else the only start event (Camunda's
     * initial activity); null when several event start events leave no single choice.
     */
    private String initialStartEvent(List<String> noneStartEvents, Map<String, FlowNode> nodes) {
      if (!noneStartEvents.isEmpty()) {
        return noneStartEvents.get(0);
      }
      List<String> eventStarts =
          nodes.values().stream()
              .filter(
                  n ->
                      n.kind() instanceof NodeKind.EventStartEvent
                          || n.kind() instanceof NodeKind.TimerStartEvent)
              .map(FlowNode::id)
              .toList();
      return eventStarts.size() == 1 ? eventStarts.get(0) : null;
    }

    /** The execution listeners of the process, its flow nodes and sequence flows, by element id. */
    private Map<String, List<ExecutionListener>> listeners() {
      Map<String, List<ExecutionListener>> all = new LinkedHashMap<>();
      readListeners(process, ExecutionListener.START, all);
      for (FlowElement element : allElements) {
        boolean flow = element instanceof org.camunda.bpm.model.bpmn.instance.SequenceFlow;
        if (flow || element instanceof org.camunda.bpm.model.bpmn.instance.FlowNode) {
          readListeners(element, flow ? ExecutionListener.TAKE : ExecutionListener.START, all);
        }
      }
      return all;
    }

    private void readListeners(
        BaseElement owner, String defaultEvent, Map<String, List<ExecutionListener>> all) {
      ExtensionElements extensions = owner.getExtensionElements();
      if (extensions == null) {
        return;
      }
      String id = owner.getId();
      if (!(owner instanceof UserTask)
          && !extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list().isEmpty()) {
        // refused rather than ignored: a listener that silently never runs changes the process
        problems.add("Task listeners belong to user tasks: '" + id + "' has one", id);
      }
      for (CamundaExecutionListener listener :
          extensions.getElementsQuery().filterByType(CamundaExecutionListener.class).list()) {
        String event = blankToNull(listener.getCamundaEvent());
        event = event == null ? defaultEvent : event;
        boolean onFlow = ExecutionListener.TAKE.equals(defaultEvent);
        if (onFlow ? !event.equals(ExecutionListener.TAKE)
            : !event.equals(ExecutionListener.START) && !event.equals(ExecutionListener.END)) {
          problems.add(
              "Execution listener event '" + event + "' is not supported on '" + id + "'", id);
          continue;
        }
        if (listener.getCamundaScript() != null || !listener.getCamundaFields().isEmpty()) {
          problems.add(
              "Execution listener of '"
                  + id
                  + "' uses a script or field injection; Tern supports camunda:expression,"
                  + " camunda:delegateExpression and camunda:class",
              id);
          continue;
        }
        String expression = blankToNull(listener.getCamundaExpression());
        String delegate = blankToNull(listener.getCamundaDelegateExpression());
        String className = blankToNull(listener.getCamundaClass());
        int count = (expression != null ? 1 : 0) + (delegate != null ? 1 : 0) + (className != null ? 1 : 0);
        if (count != 1) {
          problems.add(
              "Execution listener of '"
                  + id
                  + "' must use exactly one of camunda:expression, camunda:delegateExpression or"
                  + " camunda:class",
              id);
          continue;
        }
        ServiceImplementation implementation =
            expression != null
                ? new ServiceImplementation.Expression(expression, null)
                : delegate != null
                    ? new ServiceImplementation.DelegateExpression(delegate)
                    : new ServiceImplementation.JavaClass(className);
        all.computeIfAbsent(id, k -> new ArrayList<>()).add(new ExecutionListener(event, implementation));
      }
    }

    private boolean isPassiveElement(FlowElement element) {
      return element instanceof DataObject
          || element instanceof DataObjectReference
          || element instanceof DataStoreReference
          || element instanceof Artifact;
    }

    private Integer historyTimeToLive() {
      String text = blankToNull(process.getAttributeValueNs(CAMUNDA_NS, "historyTimeToLive"));
      if (text == null) {
        if (historyTimeToLiveRequired) {
          problems.add(HISTORY_TTL_MISSING, process.getId());
        }
        return null;
      }
      Matcher days = TTL_DAYS.matcher(text);
      try {
        int value = days.matches() ? Integer.parseInt(days.group(1)) : Integer.parseInt(text);
        if (value < 0) {
          problems.add(
              "Cannot parse historyTimeToLive: negative value is not allowed", process.getId());
          return null;
        }
        return value;
      } catch (NumberFormatException e) {
        problems.add("Cannot parse historyTimeToLive: " + text, process.getId());
        return null;
      }
    }

    private void readFlow(org.camunda.bpm.model.bpmn.instance.SequenceFlow flow) {
      String id = flow.getId();
      String source = flow.getAttributeValue("sourceRef");
      String target = flow.getAttributeValue("targetRef");
      boolean valid = true;
      if (source == null || !elements.containsKey(source)) {
        problems.add("Invalid source '" + source + "' of sequence flow '" + id + "'", id);
        valid = false;
      }
      if (target == null || !elements.containsKey(target)) {
        problems.add("Invalid destination '" + target + "' of sequence flow '" + id + "'", id);
        valid = false;
      }
      String condition = null;
      ConditionExpression expression = flow.getConditionExpression();
      if (expression != null) {
        if (blankToNull(expression.getAttributeValue("language")) != null) {
          problems.add(
              "Script conditions are not supported on sequence flow '"
                  + id
                  + "'; use a ${...} expression",
              id);
        }
        condition = blankToNull(expression.getTextContent());
        if (condition != null
            && valid
            && !(elements.get(source) instanceof ExclusiveGateway)
            && !(elements.get(source) instanceof InclusiveGateway)) {
          problems.add(
              "Conditional sequence flow '"
                  + id
                  + "' is not supported: Tern evaluates conditions only on flows leaving an"
                  + " exclusive or inclusive gateway",
              id);
        }
      }
      if (valid && !java.util.Objects.equals(parents.get(source), parents.get(target))) {
        problems.add(
            "Sequence flow '"
                + id
                + "' crosses the boundary of a sub-process (from '"
                + source
                + "' to '"
                + target
                + "'); a sequence flow connects elements of the same scope",
            id);
        valid = false;
      }
      if (valid) {
        outgoing.get(source).add(id);
        incoming.get(target).add(id);
      }
      flows.put(id, new SequenceFlow(id, flow.getName(), source, target, condition));
    }

    /**
     * Message start events of one process need distinct message names, as in Camunda.
     *
     * @return whether the process has a message or signal start event
     */
    private boolean validateEventStarts(Map<String, FlowNode> nodes) {
      java.util.Set<String> messages = new java.util.HashSet<>();
      boolean any = false;
      for (FlowNode node : nodes.values()) {
        if (parents.containsKey(node.id())) {
          continue; // a sub-process's start events are checked with the sub-process
        }
        if (node.kind() instanceof NodeKind.TimerStartEvent) {
          any = true;
        }
        if (node.kind() instanceof NodeKind.EventStartEvent start) {
          any = true;
          if (start.trigger().type() == EventTrigger.Type.MESSAGE
              && !messages.add(start.trigger().name())) {
            problems.add(
                "Cannot have more than one message event subscription with name '"
                    + start.trigger().name()
                    + "' for scope '"
                    + process.getId()
                    + "'",
                node.id());
          }
        }
      }
      return any;
    }

    private void validateGateways(Map<String, FlowNode> nodes) {
      for (FlowNode node : nodes.values()) {
        if (node.kind() instanceof NodeKind.InclusiveGateway inclusive) {
          String defaultFlow = inclusive.defaultFlowId();
          if (defaultFlow != null && !node.outgoing().contains(defaultFlow)) {
            problems.add(
                "Default sequence flow '"
                    + defaultFlow
                    + "' of inclusive gateway '"
                    + node.id()
                    + "' is not one of its outgoing sequence flows",
                node.id());
          }
        }
        if (node.kind() instanceof NodeKind.EventBasedGateway) {
          validateEventBasedGateway(node, nodes);
        }
        if (!(node.kind() instanceof NodeKind.ExclusiveGateway gateway)) {
          continue;
        }
        if (node.outgoing().isEmpty()) {
          problems.add(
              "Exclusive Gateway '" + node.id() + "' has no outgoing sequence flows.", node.id());
          continue;
        }
        String defaultFlow = gateway.defaultFlowId();
        if (defaultFlow != null && !node.outgoing().contains(defaultFlow)) {
          problems.add(
              "Default sequence flow '"
                  + defaultFlow
                  + "' of exclusive gateway '"
                  + node.id()
                  + "' is not one of its outgoing sequence flows",
              node.id());
        }
        if (node.outgoing().size() > 1) {
          for (String flowId : node.outgoing()) {
            SequenceFlow flow = flows.get(flowId);
            if (flow.conditionExpression() == null && !flowId.equals(defaultFlow)) {
              problems.add(
                  "Exclusive Gateway '"
                      + node.id()
                      + "' has outgoing sequence flow '"
                      + flowId
                      + "' without condition which is not the default flow.",
                  node.id());
            }
          }
        }
      }
    }

    /** Every flow of an event-based gateway must lead to a message, signal or timer catch event. */
    private void validateEventBasedGateway(FlowNode gateway, Map<String, FlowNode> nodes) {
      if (gateway.outgoing().size() < 2) {
        problems.add(
            "Event based gateway '" + gateway.id() + "' must have at least two outgoing sequence flows",
            gateway.id());
      }
      for (String flowId : gateway.outgoing()) {
        FlowNode target = nodes.get(flows.get(flowId).targetId());
        boolean catchEvent =
            target != null
                && (target.kind() instanceof NodeKind.EventCatchEvent
                    || target.kind() instanceof NodeKind.TimerCatchEvent);
        if (!catchEvent) {
          problems.add(
              "Event based gateway '"
                  + gateway.id()
                  + "' may only lead to message, signal or timer intermediate catch events"
                  + " (sequence flow '"
                  + flowId
                  + "')",
              gateway.id());
        }
      }
    }

    /** Camunda's activity type of an event sub-process's start event (history, activity tree). */
    private static String eventSubProcessStartType(StartEvent start) {
      EventDefinition definition = start.getEventDefinitions().iterator().next();
      if (definition instanceof TimerEventDefinition) {
        return "startTimerEvent";
      } else if (definition instanceof MessageEventDefinition) {
        return "messageStartEvent";
      } else if (definition instanceof SignalEventDefinition) {
        return "signalStartEvent";
      } else if (definition instanceof ErrorEventDefinition) {
        return "errorStartEvent";
      } else if (definition instanceof EscalationEventDefinition) {
        return "escalationStartEvent";
      } else if (definition instanceof ConditionalEventDefinition) {
        return "conditionalStartEvent";
      }
      return "startEvent";
    }

    /** The node kind, or null after recording why the element is refused. */
    private NodeKind kindOf(FlowElement element) {
      String id = element.getId();
      if (element instanceof StartEvent start) {
        if (start.getEventDefinitions().isEmpty()) {
          return new NodeKind.NoneStartEvent();
        }
        if (start.getEventDefinitions().size() == 1
            && !parents.containsKey(id)
            && start.getEventDefinitions().iterator().next() instanceof TimerEventDefinition timer) {
          TimerDefinition definition = timerDefinition(id, timer);
          if (definition != null && Expressions.isExpression(definition.expression())) {
            problems.add(
                "Timer start event '"
                    + id
                    + "' uses an expression; Tern reads timer start events at deployment, where"
                    + " there is nothing to evaluate it with",
                id);
            return null;
          }
          return definition == null ? null : new NodeKind.TimerStartEvent(definition);
        }
        if (parents.containsKey(id) && inEventSubProcess(id)) {
          // read with its event sub-process; a token entering it passes through
          return new NodeKind.NoneStartEvent(eventSubProcessStartType(start));
        }
        if (parents.containsKey(id)) {
          problems.add(
              "Start event '"
                  + id
                  + "' of a sub-process must be a none start event (event starts belong to event"
                  + " sub-processes)",
              id);
          return null;
        }
        EventTrigger trigger = conditionalOrTrigger(id, start.getEventDefinitions());
        if (trigger == null) {
          problems.add(
              "Start event '"
                  + id
                  + "' is a "
                  + definitionName(start.getEventDefinitions())
                  + " start event; Tern supports none, message, signal, conditional and timer start"
                  + " events",
              id);
          return null;
        }
        return new NodeKind.EventStartEvent(trigger);
      }
      if (element instanceof EndEvent end && isSignal(end.getEventDefinitions())) {
        return signalThrow(id, end.getEventDefinitions(), true);
      }
      if (element instanceof EndEvent end && end.getEventDefinitions().size() == 1) {
        EventDefinition definition = end.getEventDefinitions().iterator().next();
        if (definition instanceof TerminateEventDefinition) {
          return new NodeKind.TerminateEndEvent();
        }
        if (definition instanceof EscalationEventDefinition escalation) {
          return new NodeKind.EscalationThrowEvent(escalationCode(escalation), true);
        }
        if (definition instanceof MessageEventDefinition message) {
          return messageThrow(end, message, "messageEndEvent", new NodeKind.NoneEndEvent());
        }
      }
      if (element instanceof IntermediateThrowEvent throwEvent) {
        if (throwEvent.getEventDefinitions().isEmpty()) {
          return new NodeKind.NoneThrowEvent();
        }
        EventDefinition definition = throwEvent.getEventDefinitions().iterator().next();
        if (throwEvent.getEventDefinitions().size() == 1
            && definition instanceof EscalationEventDefinition escalation) {
          return new NodeKind.EscalationThrowEvent(escalationCode(escalation), false);
        }
        if (throwEvent.getEventDefinitions().size() == 1
            && definition instanceof LinkEventDefinition link) {
          return new NodeKind.LinkThrowEvent(blankToNull(link.getName()), null);
        }
        if (isSignal(throwEvent.getEventDefinitions())) {
          return signalThrow(id, throwEvent.getEventDefinitions(), false);
        }
        if (throwEvent.getEventDefinitions().size() == 1
            && definition instanceof MessageEventDefinition message) {
          return messageThrow(
              throwEvent, message, "intermediateMessageThrowEvent", new NodeKind.NoneThrowEvent());
        }
        problems.add(
            "Intermediate throw event '"
                + id
                + "' is a "
                + definitionName(throwEvent.getEventDefinitions())
                + " event; Tern supports none, signal, message, escalation and link throw events",
            id);
        return null;
      }
      if (element instanceof EndEvent end) {
        if (end.getEventDefinitions().size() == 1
            && end.getEventDefinitions().iterator().next() instanceof ErrorEventDefinition error) {
          return new NodeKind.ErrorEndEvent(errorCode(error));
        }
        if (!end.getEventDefinitions().isEmpty()) {
          problems.add(
              "End event '"
                  + id
                  + "' is a "
                  + definitionName(end.getEventDefinitions())
                  + " end event; Tern supports only none end events",
              id);
          return null;
        }
        return new NodeKind.NoneEndEvent();
      }
      if (element instanceof SubProcess sub) {
        return subProcess(sub);
      }
      if (element instanceof CallActivity call) {
        return callActivity(call);
      }
      if (element instanceof UserTask task) {
        return new NodeKind.UserTask(taskDefinition(task));
      }
      if (element instanceof ServiceTask
          || element instanceof SendTask
          || element instanceof BusinessRuleTask) {
        ServiceImplementation implementation = serviceImplementation((Task) element);
        return implementation == null
            ? null
            : new NodeKind.ServiceTask(implementation, element.getElementType().getTypeName());
      }
      if (element instanceof ExclusiveGateway gateway) {
        return new NodeKind.ExclusiveGateway(blankToNull(gateway.getAttributeValue("default")));
      }
      if (element instanceof InclusiveGateway gateway) {
        return new NodeKind.InclusiveGateway(blankToNull(gateway.getAttributeValue("default")));
      }
      if (element instanceof EventBasedGateway) {
        return new NodeKind.EventBasedGateway();
      }
      if (element instanceof ParallelGateway) {
        return new NodeKind.ParallelGateway();
      }
      if (element instanceof BoundaryEvent boundary) {
        return boundaryTimer(boundary);
      }
      if (element instanceof ReceiveTask receive) {
        return receiveTask(receive);
      }
      if (element instanceof IntermediateCatchEvent catchEvent
          && catchEvent.getEventDefinitions().size() == 1
          && catchEvent.getEventDefinitions().iterator().next() instanceof LinkEventDefinition link) {
        return new NodeKind.LinkCatchEvent(blankToNull(link.getName()));
      }
      if (element instanceof IntermediateCatchEvent catchEvent) {
        EventTrigger trigger = conditionalOrTrigger(id, catchEvent.getEventDefinitions());
        if (trigger != null) {
          return new NodeKind.EventCatchEvent(trigger);
        }
        TimerEventDefinition timer = singleTimer(id, catchEvent.getEventDefinitions(), "Intermediate catch event");
        TimerDefinition definition = timer == null ? null : timerDefinition(id, timer);
        return definition == null ? null : new NodeKind.TimerCatchEvent(definition);
      }
      unsupported(element);
      return null;
    }

    /**
     * An embedded sub-process needs exactly one start event, a none start event (as in Camunda);
     * event sub-processes and transactions are refused.
     */
    private NodeKind subProcess(SubProcess sub) {
      String id = sub.getId();
      if (isEventSubProcess(sub)) {
        return eventSubProcess(sub);
      }
      if (!isEmbeddedSubProcess(sub)) {
        unsupported(sub);
        return null;
      }
      List<StartEvent> starts =
          sub.getFlowElements().stream()
              .filter(StartEvent.class::isInstance)
              .map(StartEvent.class::cast)
              .toList();
      if (starts.size() != 1 || !starts.get(0).getEventDefinitions().isEmpty()) {
        problems.add(
            "Sub-process '"
                + id
                + "' must have exactly one start event, a none start event ("
                + starts.size()
                + " start event(s) found)",
            id);
        return null;
      }
      return new NodeKind.SubProcess(starts.get(0).getId());
    }

    /**
     * A call activity of a process (CMMN cases are refused): {@code calledElement} with its
     * binding, {@code camunda:in} / {@code camunda:out} variables and the business key.
     */
    private NodeKind callActivity(CallActivity call) {
      String id = call.getId();
      boolean valid = true;
      String called = blankToNull(call.getCalledElement());
      if (called == null || Expressions.isExpression(called)) {
        problems.add(
            called == null
                ? "Missing attribute 'calledElement' on call activity '" + id + "'"
                : "Call activity '" + id + "' names its called element by an expression; Tern"
                    + " supports a process definition key",
            id);
        valid = false;
      }
      if (camunda(call, "caseRef") != null) {
        problems.add("Call activity '" + id + "' calls a CMMN case; Tern has no cases", id);
        valid = false;
      }
      String binding = camunda(call, "calledElementBinding");
      binding = binding == null ? "latest" : binding;
      Integer version = null;
      String versionTag = camunda(call, "calledElementVersionTag");
      switch (binding) {
        case "latest", "deployment" -> {}
        case "version" -> {
          String text = camunda(call, "calledElementVersion");
          try {
            version = Integer.valueOf(text);
          } catch (NumberFormatException e) {
            problems.add(
                "Call activity '"
                    + id
                    + "' with binding 'version' needs a number in camunda:calledElementVersion"
                    + " (found '"
                    + text
                    + "')",
                id);
            valid = false;
          }
        }
        case "versionTag" -> {
          if (versionTag == null || Expressions.isExpression(versionTag)) {
            problems.add(
                "Call activity '"
                    + id
                    + "' with binding 'versionTag' needs camunda:calledElementVersionTag",
                id);
            valid = false;
          }
        }
        default -> {
          problems.add(
              "Unsupported camunda:calledElementBinding '" + binding + "' on call activity '" + id
                  + "' (latest, deployment, version or versionTag)",
              id);
          valid = false;
        }
      }
      if (camunda(call, "variableMappingClass") != null
          || camunda(call, "variableMappingDelegateExpression") != null) {
        problems.add(
            "Call activity '" + id + "' maps variables by a delegate; Tern supports camunda:in and"
                + " camunda:out",
            id);
        valid = false;
      }
      if (camunda(call, "calledElementTenantId") != null) {
        problems.add(
            "Call activity '" + id + "' sets camunda:calledElementTenantId; Tern calls within the"
                + " tenant of the calling instance",
            id);
        valid = false;
      }
      String owner = "call activity '" + id + "'";
      ExtensionElements extensions = call.getExtensionElements();
      Ins ins = ins(owner, id, extensions);
      List<VariableMapping> outs = new ArrayList<>();
      if (extensions != null) {
        for (CamundaOut out : extensions.getElementsQuery().filterByType(CamundaOut.class).list()) {
          VariableMapping mapping =
              variableMapping(owner, id, out.getCamundaSource(), out.getCamundaSourceExpression(),
                  out.getCamundaTarget(), out.getCamundaVariables(), out.getCamundaLocal());
          valid &= mapping != null;
          if (mapping != null) {
            outs.add(mapping);
          }
        }
      }
      return valid && ins.valid()
          ? new NodeKind.CallActivity(
              called, binding, version, versionTag, ins.businessKey(), ins.mappings(), outs)
          : null;
    }

    /** The {@code camunda:in} elements of a call activity or a thrown signal. */
    private record Ins(List<VariableMapping> mappings, String businessKey, boolean valid) {}

    private Ins ins(String owner, String id, ExtensionElements extensions) {
      List<VariableMapping> mappings = new ArrayList<>();
      String businessKey = null;
      boolean valid = true;
      if (extensions != null) {
        for (CamundaIn in : extensions.getElementsQuery().filterByType(CamundaIn.class).list()) {
          if (blankToNull(in.getCamundaBusinessKey()) != null) {
            businessKey = in.getCamundaBusinessKey().trim();
            continue;
          }
          VariableMapping mapping =
              variableMapping(owner, id, in.getCamundaSource(), in.getCamundaSourceExpression(),
                  in.getCamundaTarget(), in.getCamundaVariables(), in.getCamundaLocal());
          valid &= mapping != null;
          if (mapping != null) {
            mappings.add(mapping);
          }
        }
      }
      return new Ins(mappings, businessKey, valid);
    }

    /**
     * A signal intermediate throw or end event: its {@code camunda:in} variables and business key
     * go with the signal (Camunda 7.24); {@code camunda:async} delivery is refused.
     */
    private NodeKind signalThrow(String id, Collection<EventDefinition> definitions, boolean end) {
      EventTrigger signal = trigger(id, definitions);
      SignalEventDefinition definition = (SignalEventDefinition) definitions.iterator().next();
      if (definition.isCamundaAsync()) {
        problems.add(
            "Signal event '" + id + "' throws its signal asynchronously (camunda:async=\"true\");"
                + " Tern delivers a thrown signal synchronously",
            id);
        return null;
      }
      Ins ins = ins("signal event '" + id + "'", id, definition.getExtensionElements());
      return signal == null || !ins.valid()
          ? null
          : new NodeKind.SignalThrowEvent(signal.name(), end, ins.mappings(), ins.businessKey());
    }

    private VariableMapping variableMapping(
        String owner, String id, String source, String sourceExpression, String target,
        String variables, boolean local) {
      if ("all".equals(blankToNull(variables))) {
        return new VariableMapping(null, null, null, true, local);
      }
      source = blankToNull(source);
      sourceExpression = blankToNull(sourceExpression);
      target = blankToNull(target);
      if ((source == null) == (sourceExpression == null) || target == null) {
        problems.add(
            "camunda:in / camunda:out of "
                + owner
                + " needs source or sourceExpression, and target (or variables=\"all\")",
            id);
        return null;
      }
      return new VariableMapping(source, sourceExpression, target, false, local);
    }

    /**
     * An event sub-process started by an error, escalation, message, signal or timer start event;
     * conditional and compensation starts are refused.
     */
    private NodeKind eventSubProcess(SubProcess sub) {
      String id = sub.getId();
      List<StartEvent> starts =
          sub.getFlowElements().stream()
              .filter(StartEvent.class::isInstance)
              .map(StartEvent.class::cast)
              .toList();
      if (starts.size() != 1 || starts.get(0).getEventDefinitions().size() != 1) {
        problems.add(
            "Event sub-process '" + id + "' must have exactly one start event with one event"
                + " definition",
            id);
        return null;
      }
      StartEvent start = starts.get(0);
      EventDefinition definition = start.getEventDefinitions().iterator().next();
      if (definition instanceof ErrorEventDefinition error) {
        return new NodeKind.EventSubProcess(
            start.getId(),
            true,
            errorCode(error),
            true,
            blankToNull(error.getAttributeValueNs(CAMUNDA_NS, "errorCodeVariable")));
      }
      if (definition instanceof EscalationEventDefinition escalation) {
        return new NodeKind.EventSubProcess(
            start.getId(),
            false,
            escalationCode(escalation),
            start.isInterrupting(),
            blankToNull(escalation.getAttributeValueNs(CAMUNDA_NS, "escalationCodeVariable")));
      }
      if (definition instanceof MessageEventDefinition
          || definition instanceof SignalEventDefinition
          || definition instanceof ConditionalEventDefinition) {
        EventTrigger trigger = conditionalOrTrigger(start.getId(), start.getEventDefinitions());
        return trigger == null
            ? null
            : new NodeKind.EventSubProcess(
                start.getId(), false, null, start.isInterrupting(), null, trigger, null);
      }
      if (definition instanceof TimerEventDefinition timer) {
        TimerDefinition timerDefinition = timerDefinition(start.getId(), timer);
        return timerDefinition == null
            ? null
            : new NodeKind.EventSubProcess(
                start.getId(), false, null, start.isInterrupting(), null, null, timerDefinition);
      }
      problems.add(
          "Event sub-process '"
              + id
              + "' starts with a "
              + definitionName(start.getEventDefinitions())
              + " event; Tern supports error, escalation, message, signal, timer and conditional start"
              + " events in event sub-processes",
          id);
      return null;
    }

    private boolean inEventSubProcess(String id) {
      return isEventSubProcess(elements.get(parents.get(id)));
    }

    /**
     * The task listeners of a user task; the {@code timeout} event, classes, scripts and fields are
     * refused (a listener that silently never runs changes the process).
     */
    private List<UserTaskListener> taskListeners(UserTask task) {
      List<UserTaskListener> listeners = new ArrayList<>();
      ExtensionElements extensions = task.getExtensionElements();
      if (extensions == null) {
        return listeners;
      }
      String id = task.getId();
      for (CamundaTaskListener listener :
          extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list()) {
        String event = blankToNull(listener.getCamundaEvent());
        String prefix = "Task listener of '" + id + "'";
        if (UserTaskListener.TIMEOUT.equals(event)) {
          problems.add(
              prefix + ": the timeout event is not supported; Tern supports create, assignment,"
                  + " update, complete and delete",
              id);
          continue;
        }
        if (event == null || !UserTaskListener.EVENTS.contains(event)) {
          problems.add(
              prefix + ": event '" + event + "' is not supported; Tern supports create, assignment,"
                  + " update, complete and delete",
              id);
          continue;
        }
        if (blankToNull(listener.getCamundaClass()) != null
            || listener.getCamundaScript() != null
            || !listener.getCamundaFields().isEmpty()) {
          problems.add(
              prefix + " uses a class, a script or field injection; Tern supports"
                  + " camunda:expression and camunda:delegateExpression",
              id);
          continue;
        }
        String expression = blankToNull(listener.getCamundaExpression());
        String delegate = blankToNull(listener.getCamundaDelegateExpression());
        if ((expression == null) == (delegate == null)) {
          problems.add(
              prefix + " must use exactly one of camunda:expression or camunda:delegateExpression",
              id);
          continue;
        }
        listeners.add(
            new UserTaskListener(
                event,
                expression != null
                    ? new ServiceImplementation.Expression(expression, null)
                    : new ServiceImplementation.DelegateExpression(delegate)));
      }
      return listeners;
    }

    private TaskDefinition taskDefinition(UserTask task) {
      String documentation =
          task.getDocumentations().stream()
              .map(d -> d.getTextContent())
              .filter(text -> text != null && !text.isBlank())
              .findFirst()
              .map(String::trim)
              .orElse(null);
      return new TaskDefinition(
          blankToNull(task.getName()),
          documentation,
          blankToNull(task.getCamundaAssignee()),
          blankToNull(task.getCamundaCandidateUsers()),
          blankToNull(task.getCamundaCandidateGroups()),
          blankToNull(task.getCamundaDueDate()),
          blankToNull(task.getCamundaFollowUpDate()),
          blankToNull(task.getCamundaPriority()),
          new TaskDefinition.FormReference(
              blankToNull(task.getCamundaFormKey()),
              blankToNull(task.getCamundaFormRef()),
              blankToNull(task.getCamundaFormRefBinding()),
              blankToNull(task.getCamundaFormRefVersion())),
          taskListeners(task));
    }

    private NodeKind boundaryTimer(BoundaryEvent boundary) {
      String id = boundary.getId();
      if (boundary.getEventDefinitions().size() == 1
          && boundary.getEventDefinitions().iterator().next() instanceof ErrorEventDefinition error) {
        return boundaryError(boundary, error);
      }
      if (boundary.getEventDefinitions().size() == 1
          && boundary.getEventDefinitions().iterator().next()
              instanceof EscalationEventDefinition escalation) {
        return boundaryEscalation(boundary, escalation);
      }
      EventTrigger trigger = conditionalOrTrigger(id, boundary.getEventDefinitions());
      if (trigger != null) {
        return waitingHost(boundary)
            ? new NodeKind.BoundaryTriggerEvent(
                boundary.getAttributeValue("attachedToRef"), boundary.cancelActivity(), trigger)
            : null;
      }
      TimerEventDefinition timer = singleTimer(id, boundary.getEventDefinitions(), "Boundary event");
      if (timer == null) {
        return null;
      }
      boolean valid = true;
      String attachedTo = boundary.getAttributeValue("attachedToRef");
      FlowElement host = attachedTo == null ? null : elements.get(attachedTo);
      if (!(host instanceof UserTask)
          && !(host instanceof ServiceTask)
          && !(host instanceof CallActivity)
          && !isEmbeddedSubProcess(host)) {
        problems.add(
            "Boundary event '"
                + id
                + "' must be attached to a user task, service task or sub-process of the same process (attachedToRef '"
                + attachedTo
                + "')",
            id);
        valid = false;
      }
      TimerDefinition definition = timerDefinition(id, timer);
      return valid && definition != null
          ? new NodeKind.BoundaryTimerEvent(attachedTo, boundary.cancelActivity(), definition)
          : null;
    }

    /**
     * {@link #trigger}, or the condition of a single conditional event definition (where Tern
     * evaluates conditions: intermediate catch, boundary and event sub-process start events).
     */
    private EventTrigger conditionalOrTrigger(String id, Collection<EventDefinition> definitions) {
      if (definitions.size() == 1
          && definitions.iterator().next() instanceof ConditionalEventDefinition conditional) {
        String expression = textOf(conditional.getCondition());
        if (expression == null) {
          problems.add("Conditional event '" + id + "' has no condition", id);
          return null;
        }
        return EventTrigger.conditional(
            new EventTrigger.Condition(
                expression.trim(),
                blankToNull(conditional.getCamundaVariableName()),
                conditional.getCamundaVariableEventsList().stream()
                    .map(String::trim)
                    .filter(e -> !e.isEmpty())
                    .toList()));
      }
      return trigger(id, definitions);
    }

    /**
     * The message or signal of a single message or signal event definition; null (nothing recorded)
     * for other definitions, after recording a problem when the reference is missing.
     */
    private EventTrigger trigger(String id, Collection<EventDefinition> definitions) {
      if (definitions.size() != 1) {
        return null;
      }
      EventDefinition definition = definitions.iterator().next();
      if (definition instanceof MessageEventDefinition message) {
        String name = message.getMessage() == null ? null : blankToNull(message.getMessage().getName());
        if (name == null) {
          problems.add("Event '" + id + "' has no message name (messageRef to a named message)", id);
          return null;
        }
        return EventTrigger.message(name);
      }
      if (definition instanceof SignalEventDefinition signal) {
        String name = signal.getSignal() == null ? null : blankToNull(signal.getSignal().getName());
        if (name == null) {
          problems.add("Event '" + id + "' has no signal name (signalRef to a named signal)", id);
          return null;
        }
        return EventTrigger.signal(name);
      }
      return null;
    }

    private String escalationCode(EscalationEventDefinition definition) {
      return definition.getEscalation() == null
          ? null
          : blankToNull(definition.getEscalation().getEscalationCode());
    }

    /**
     * Points each link throw event at the link catch event of its name: exactly one must exist in
     * the process.
     */
    private void resolveLinks(Map<String, FlowNode> nodes) {
      Map<String, List<String>> catches = new LinkedHashMap<>();
      for (FlowNode node : nodes.values()) {
        if (node.kind() instanceof NodeKind.LinkCatchEvent link) {
          if (link.linkName() == null) {
            problems.add("Link catch event '" + node.id() + "' has no name", node.id());
          } else {
            catches.computeIfAbsent(link.linkName(), n -> new ArrayList<>()).add(node.id());
          }
        }
      }
      catches.forEach(
          (name, ids) -> {
            if (ids.size() > 1) {
              problems.add(
                  "Multiple link catch events with name '" + name + "' in process '" + process.getId() + "'",
                  ids.get(1));
            }
          });
      for (FlowNode node : List.copyOf(nodes.values())) {
        if (node.kind() instanceof NodeKind.LinkThrowEvent link) {
          List<String> target = link.linkName() == null ? null : catches.get(link.linkName());
          if (target == null) {
            problems.add(
                "No link catch event with name '"
                    + link.linkName()
                    + "' for link throw event '"
                    + node.id()
                    + "' in process '"
                    + process.getId()
                    + "'",
                node.id());
            continue;
          }
          if (!java.util.Objects.equals(parents.get(node.id()), parents.get(target.get(0)))) {
            problems.add(
                "Link throw event '"
                    + node.id()
                    + "' and its link catch event '"
                    + target.get(0)
                    + "' must be in the same scope",
                node.id());
            continue;
          }
          nodes.put(
              node.id(),
              new FlowNode(
                  node.id(),
                  node.name(),
                  node.incoming(),
                  node.outgoing(),
                  node.continuation(),
                  node.ioMapping(),
                  new NodeKind.LinkThrowEvent(link.linkName(), target.get(0))));
        }
      }
    }

    private boolean isSignal(Collection<EventDefinition> definitions) {
      return definitions.size() == 1 && definitions.iterator().next() instanceof SignalEventDefinition;
    }

    private NodeKind receiveTask(ReceiveTask receive) {
      // without a message the task waits for POST /execution/{id}/signal, as in Camunda
      String name =
          receive.getMessage() == null ? null : blankToNull(receive.getMessage().getName());
      return new NodeKind.ReceiveTask(name);
    }

    /** Message and signal boundaries need an activity a token waits in. */
    private boolean waitingHost(BoundaryEvent boundary) {
      String attachedTo = boundary.getAttributeValue("attachedToRef");
      FlowElement host = attachedTo == null ? null : elements.get(attachedTo);
      if (host instanceof UserTask || host instanceof ServiceTask || host instanceof ReceiveTask
          || host instanceof SendTask || host instanceof BusinessRuleTask
          || host instanceof CallActivity || isEmbeddedSubProcess(host)) {
        return true;
      }
      problems.add(
          "Boundary event '"
              + boundary.getId()
              + "' must be attached to a user, service or receive task or a sub-process of the same process"
              + " (attachedToRef '"
              + attachedTo
              + "')",
          boundary.getId());
      return false;
    }

    private NodeKind boundaryError(BoundaryEvent boundary, ErrorEventDefinition error) {
      String attachedTo = boundary.getAttributeValue("attachedToRef");
      FlowElement host = attachedTo == null ? null : elements.get(attachedTo);
      if (!(host instanceof Task) && !(host instanceof CallActivity) && !isEmbeddedSubProcess(host)) {
        problems.add(
            "Error boundary event '"
                + boundary.getId()
                + "' must be attached to a task or sub-process of the same process (attachedToRef '"
                + attachedTo
                + "')",
            boundary.getId());
        return null;
      }
      return new NodeKind.BoundaryErrorEvent(
          attachedTo,
          errorCode(error),
          blankToNull(error.getAttributeValueNs(CAMUNDA_NS, "errorCodeVariable")),
          blankToNull(error.getAttributeValueNs(CAMUNDA_NS, "errorMessageVariable")));
    }

    /**
     * Escalation boundary events catch what the inside of a sub-process or called process throws,
     * or what a user task's {@code bpmnEscalation} throws (Camunda allows no other hosts).
     */
    private NodeKind boundaryEscalation(BoundaryEvent boundary, EscalationEventDefinition escalation) {
      String attachedTo = boundary.getAttributeValue("attachedToRef");
      FlowElement host = attachedTo == null ? null : elements.get(attachedTo);
      if (!isEmbeddedSubProcess(host) && !(host instanceof CallActivity) && !(host instanceof UserTask)) {
        problems.add(
            "Escalation boundary event '"
                + boundary.getId()
                + "' must be attached to a sub-process, call activity or user task of the same process (attachedToRef '"
                + attachedTo
                + "')",
            boundary.getId());
        return null;
      }
      return new NodeKind.BoundaryEscalationEvent(
          attachedTo,
          boundary.cancelActivity(),
          escalationCode(escalation),
          blankToNull(escalation.getAttributeValueNs(CAMUNDA_NS, "escalationCodeVariable")));
    }

    /** The referenced error's code; null (catch every error) without a reference or a code. */
    private String errorCode(ErrorEventDefinition definition) {
      return definition.getError() == null ? null : blankToNull(definition.getError().getErrorCode());
    }

    private TimerEventDefinition singleTimer(
        String id, Collection<EventDefinition> definitions, String what) {
      if (definitions.size() == 1
          && definitions.iterator().next() instanceof TimerEventDefinition timer) {
        return timer;
      }
      problems.add(
          what
              + " '"
              + id
              + "' is a "
              + (definitions.isEmpty() ? "none" : definitionName(definitions))
              + " event; Tern supports timer, message and signal events here",
          id);
      return null;
    }

    private TimerDefinition timerDefinition(String id, TimerEventDefinition timer) {
      List<TimerDefinition> found = new ArrayList<>();
      addTimer(found, TimerDefinition.Type.DATE, timer.getTimeDate());
      addTimer(found, TimerDefinition.Type.DURATION, timer.getTimeDuration());
      addTimer(found, TimerDefinition.Type.CYCLE, timer.getTimeCycle());
      if (found.size() != 1) {
        problems.add(
            found.isEmpty()
                ? "Timer needs configuration (either timeDate, timeCycle or timeDuration is needed)."
                : "Timer of '" + id + "' must define only one of timeDate, timeCycle or timeDuration",
            id);
        return null;
      }
      return found.get(0);
    }

    private static void addTimer(
        List<TimerDefinition> found, TimerDefinition.Type type, ModelElementInstance expression) {
      String text = textOf(expression);
      if (text != null) {
        found.add(new TimerDefinition(type, text));
      }
    }

    /**
     * A message throw or end event: with {@code camunda:class}, {@code expression}, {@code
     * delegateExpression}, {@code type="external"} or a connector on its message event definition
     * it works like a service task (Camunda's CAM-436); without, like a none event.
     */
    private NodeKind messageThrow(
        BaseElement event, MessageEventDefinition message, String activityType, NodeKind plain) {
      boolean serviceLike =
          camunda(message, "class") != null
              || camunda(message, "expression") != null
              || camunda(message, "delegateExpression") != null
              || camunda(message, "type") != null
              || extensionChild(message, CamundaConnector.class) != null;
      if (!serviceLike) {
        return plain;
      }
      ServiceImplementation implementation =
          serviceImplementation(message, event, event.getId(), activityType);
      return implementation == null ? null : new NodeKind.ServiceTask(implementation, activityType);
    }

    private ServiceImplementation serviceImplementation(Task task) {
      return serviceImplementation(task, task, task.getId(), task.getElementType().getTypeName());
    }

    /**
     * @param task the element with the implementation attributes (a task, or the message event
     *     definition of a throw event)
     * @param propertiesElement the element whose {@code camunda:properties} an external task gets
     */
    private ServiceImplementation serviceImplementation(
        BaseElement task, BaseElement propertiesElement, String id, String what) {
      String className = camunda(task, "class");
      String expression = camunda(task, "expression");
      String delegateExpression = camunda(task, "delegateExpression");
      String type = camunda(task, "type");
      CamundaConnector connector = extensionChild(task, CamundaConnector.class);
      int count =
          (className != null ? 1 : 0)
              + (expression != null ? 1 : 0)
              + (delegateExpression != null ? 1 : 0)
              + (type != null ? 1 : 0)
              + (connector != null ? 1 : 0);
      if (count == 0) {
        problems.add(
            "One of the attributes 'class', 'delegateExpression', 'type', or 'expression' is"
                + " mandatory on "
                + what
                + ".",
            id);
        return null;
      }
      if (count > 1) {
        problems.add(
            "Service task '"
                + id
                + "' must use exactly one of camunda:class, camunda:expression,"
                + " camunda:delegateExpression, camunda:type or camunda:connector",
            id);
        return null;
      }
      if ("external".equals(type)) {
        return external(task, propertiesElement, id);
      }
      if (type != null) {
        problems.add(
            "Service task '" + id + "' uses camunda:type '" + type + "', which Tern does not support",
            id);
        return null;
      }
      if (className != null) {
        return new ServiceImplementation.JavaClass(className);
      }
      if (expression != null) {
        return new ServiceImplementation.Expression(expression, camunda(task, "resultVariable"));
      }
      if (delegateExpression != null) {
        return new ServiceImplementation.DelegateExpression(delegateExpression);
      }
      String connectorId = textOf(connector.getCamundaConnectorId());
      if (connectorId == null) {
        problems.add("Connector of service task '" + id + "' has no camunda:connectorId", id);
        return null;
      }
      if (!"http-connector".equals(connectorId)) {
        problems.add(
            "Connector '"
                + connectorId
                + "' of service task '"
                + id
                + "' is not supported; Tern provides 'http-connector'",
            id);
        return null;
      }
      return new ServiceImplementation.Connector(
          connectorId, ioMapping(task, connector.getCamundaInputOutput()));
    }

    private ServiceImplementation external(BaseElement task, BaseElement propertiesElement, String id) {
      String topic = camunda(task, "topic");
      if (topic == null) {
        problems.add("External tasks must specify a 'topic' attribute in the camunda namespace", id);
        return null;
      }
      Map<String, String> properties = new LinkedHashMap<>();
      CamundaProperties declared = extensionChild(propertiesElement, CamundaProperties.class);
      if (declared != null) {
        for (CamundaProperty property : declared.getCamundaProperties()) {
          if (property.getCamundaName() != null) {
            properties.put(property.getCamundaName(), property.getCamundaValue());
          }
        }
      }
      return new ServiceImplementation.External(topic, camunda(task, "taskPriority"), properties);
    }

    /**
     * Read from the attributes: the model API throws for flags some element types do not support
     * (e.g. asyncAfter on an event-based gateway), where Tern just reads what is written.
     */
    private Continuation continuation(BaseElement node) {
      boolean asyncBefore = flag(node, "asyncBefore", false) || flag(node, "async", false);
      boolean asyncAfter = flag(node, "asyncAfter", false);
      boolean exclusive = flag(node, "exclusive", true);
      CamundaFailedJobRetryTimeCycle cycle =
          extensionChild(node, CamundaFailedJobRetryTimeCycle.class);
      String retryCycle = textOf(cycle);
      if (!asyncBefore && !asyncAfter && exclusive && retryCycle == null) {
        return Continuation.SYNCHRONOUS;
      }
      return new Continuation(asyncBefore, asyncAfter, exclusive, retryCycle);
    }

    private boolean flag(BaseElement element, String attribute, boolean absent) {
      String value = camunda(element, attribute);
      return value == null ? absent : Boolean.parseBoolean(value);
    }

    /**
     * Camunda allows {@code camunda:inputOutput} on tasks, events, call activities and embedded
     * sub-processes (their inputs are locals of the sub-process's scope), not on gateways; Tern
     * refuses it on event sub-processes too.
     */
    private IoMapping activityIoMapping(FlowElement element) {
      CamundaInputOutput inputOutput = extensionChild(element, CamundaInputOutput.class);
      String type = element.getElementType().getTypeName();
      boolean embeddedSubProcess =
          element instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub
              && type.equals("subProcess")
              && !sub.triggeredByEvent();
      if (inputOutput != null
          && !type.contains("Task")
          && !type.contains("Event")
          && !type.equals("callActivity")
          && !embeddedSubProcess) {
        problems.add(
            "camunda:inputOutput mapping unsupported for element type '" + type + "'.",
            element.getId());
        return IoMapping.NONE;
      }
      return ioMapping(element, inputOutput);
    }

    private IoMapping ioMapping(BaseElement owner, CamundaInputOutput inputOutput) {
      if (inputOutput == null) {
        return IoMapping.NONE;
      }
      List<IoMapping.Parameter> inputs = new ArrayList<>();
      for (CamundaInputParameter input : inputOutput.getCamundaInputParameters()) {
        inputs.add(new IoMapping.Parameter(input.getCamundaName(), parameterValue(owner, input)));
      }
      List<IoMapping.Parameter> outputs = new ArrayList<>();
      for (CamundaOutputParameter output : inputOutput.getCamundaOutputParameters()) {
        outputs.add(new IoMapping.Parameter(output.getCamundaName(), parameterValue(owner, output)));
      }
      return new IoMapping(inputs, outputs);
    }

    /** The value of a parameter, map entry or list item: a map, a list, or trimmed text. */
    private ParameterValue parameterValue(BaseElement owner, ModelElementInstance holder) {
      if (holder instanceof CamundaMap map) {
        Map<String, ParameterValue> entries = new LinkedHashMap<>();
        for (CamundaEntry entry : map.getCamundaEntries()) {
          entries.put(entry.getCamundaKey(), parameterValue(owner, entry));
        }
        return new ParameterValue.MapValue(entries);
      }
      if (holder instanceof CamundaList list) {
        List<ParameterValue> items = new ArrayList<>();
        for (ModelElementInstance item : list.getValues()) {
          items.add(parameterValue(owner, item));
        }
        return new ParameterValue.ListValue(items);
      }
      if (holder instanceof CamundaScript || !holder.getChildElementsByType(CamundaScript.class).isEmpty()) {
        problems.add(
            "Script values in camunda:inputOutput of '"
                + owner.getId()
                + "' are not supported; use a ${...} expression",
            owner.getId());
        return new ParameterValue.Null();
      }
      for (CamundaMap map : holder.getChildElementsByType(CamundaMap.class)) {
        return parameterValue(owner, map);
      }
      for (CamundaList list : holder.getChildElementsByType(CamundaList.class)) {
        return parameterValue(owner, list);
      }
      String text = textOf(holder);
      return text == null ? new ParameterValue.Null() : new ParameterValue.Text(text);
    }

    private void unsupported(FlowElement element) {
      problems.add(
          "Element '"
              + element.getId()
              + "' of type '"
              + element.getElementType().getTypeName()
              + "' is not supported by Tern",
          element.getId());
    }
  }

  private static String definitionName(Collection<EventDefinition> definitions) {
    String type = definitions.iterator().next().getElementType().getTypeName();
    return type.endsWith("EventDefinition")
        ? type.substring(0, type.length() - "EventDefinition".length())
        : type;
  }

  private static <T extends ModelElementInstance> T extensionChild(BaseElement element, Class<T> type) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return null;
    }
    List<T> found = extensions.getElementsQuery().filterByType(type).list();
    return found.isEmpty() ? null : found.get(0);
  }

  private static String camunda(BaseElement element, String attribute) {
    return blankToNull(element.getAttributeValueNs(CAMUNDA_NS, attribute));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  /** The trimmed text of an optional element, null when it is absent or blank. */
  private static String textOf(ModelElementInstance element) {
    return element == null ? null : blankToNull(element.getTextContent());
  }
}
