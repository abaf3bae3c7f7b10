package dev.tern.engine.deployment.model;

/** What a flow node is and the settings only that kind has. */
public sealed interface NodeKind {

  /** Camunda's activity type name (history, incidents): fixed per kind unless the kind says. */
  default String activityType() {
    return ActivityTypes.of(this);
  }

  /**
   * A start event a token passes through: a none start event, or the start event of an event
   * sub-process (whose event the event sub-process handles; {@code activityType} is Camunda's for
   * its event, e.g. {@code startTimerEvent}).
   */
  record NoneStartEvent(String activityType) implements NodeKind {
    public NoneStartEvent() {
      this("startEvent");
    }
  }

  /** A message or signal start event: an instance starts here when the event arrives. */
  record EventStartEvent(EventTrigger trigger) implements NodeKind {
    public String activityType() {
      return trigger.type().subscriptionType() + "StartEvent";
    }
  }

  /**
   * A timer start event: its definition's latest version has a timer job that starts an instance
   * when due (and, for a cycle, makes the next one).
   */
  record TimerStartEvent(TimerDefinition timer) implements NodeKind {}

  /** An intermediate message or signal catch event: waits until the event arrives. */
  record EventCatchEvent(EventTrigger trigger) implements NodeKind {
    public String activityType() {
      // Camunda: intermediateMessageCatch, intermediateSignalCatch, intermediateConditional
      return trigger.type() == EventTrigger.Type.CONDITIONAL
          ? "intermediateConditional"
          : "intermediate" + trigger.type().activityTypeWord() + "Catch";
    }
  }

  /** A receive task: waits for its message, or without one ({@code null}) for a signal of its execution. */
  record ReceiveTask(String messageName) implements NodeKind {}

  /**
   * A message or signal boundary event. Interrupting ({@code cancelActivity}) it ends the activity
   * and takes its token; otherwise a new token leaves from it and the activity keeps waiting.
   */
  record BoundaryTriggerEvent(String attachedTo, boolean cancelActivity, EventTrigger trigger)
      implements NodeKind {
    public String activityType() {
      return "boundary" + trigger.type().activityTypeWord();
    }
  }

  /** An intermediate throw event without definition: the token passes through. */
  record NoneThrowEvent() implements NodeKind {}

  /**
   * A signal intermediate throw or end event: broadcasts the signal to every subscribed token and
   * signal start event (of the same tenant or of none), then passes on or ends.
   *
   * @param ins the {@code camunda:in} variables sent with the signal
   * @param businessKey the {@code camunda:in businessKey} expression (the business key of the
   *     instances the signal starts), or null
   */
  record SignalThrowEvent(
      String signalName, boolean end, java.util.List<VariableMapping> ins, String businessKey)
      implements NodeKind {
    public SignalThrowEvent {
      ins = java.util.List.copyOf(ins);
    }

    public String activityType() {
      return end ? "signalEndEvent" : "intermediateSignalThrow";
    }
  }

  /** A terminate end event: ends every other token of the instance, and so the instance. */
  record TerminateEndEvent() implements NodeKind {}

  /** A link throw event: the token continues at the link catch event of the same name. */
  record LinkThrowEvent(String linkName, String catchEventId) implements NodeKind {}

  /** A link catch event: where a link throw event of its name continues. */
  record LinkCatchEvent(String linkName) implements NodeKind {}

  /**
   * An escalation intermediate throw or end event. The nearest enclosing sub-process with an
   * escalation boundary event for the code catches it; uncaught, as in Camunda, the token passes on
   * (throw) or ends (end).
   */
  record EscalationThrowEvent(String escalationCode, boolean end) implements NodeKind {
    public String activityType() {
      return end ? "escalationEndEvent" : "intermediateEscalationThrowEvent";
    }
  }

  record NoneEndEvent() implements NodeKind {}

  /** A user task: a wait state until its task is completed or the activity interrupted. */
  record UserTask(TaskDefinition task) implements NodeKind {}

  /**
   * A service task, or a send or business-rule task that works like one.
   *
   * @param activityType {@code serviceTask}, {@code sendTask} or {@code businessRuleTask}
   */
  record ServiceTask(ServiceImplementation implementation, String activityType) implements NodeKind {
    public ServiceTask(ServiceImplementation implementation) {
      this(implementation, "serviceTask");
    }
  }

  /** @param defaultFlowId the {@code default} attribute, or null */
  record ExclusiveGateway(String defaultFlowId) implements NodeKind {}

  /**
   * An inclusive gateway: forks on every flow whose condition holds (the default flow when none
   * does); with several incoming flows it joins, waiting while another token of the instance can
   * still reach it.
   *
   * @param defaultFlowId the {@code default} attribute, or null
   */
  record InclusiveGateway(String defaultFlowId) implements NodeKind {}

  /**
   * An event-based gateway: the token waits for the first of the events (message, signal, timer
   * catch events) its outgoing flows lead to, then continues through that event.
   */
  record EventBasedGateway() implements NodeKind {}

  record ParallelGateway() implements NodeKind {}

  record TimerCatchEvent(TimerDefinition timer) implements NodeKind {}

  /**
   * An end event that throws a BPMN error: the error boundary event of the nearest enclosing
   * sub-process that catches the code takes over; uncaught, the token ends as Camunda 7.24 does by
   * default (it logs the error and ends the execution).
   */
  record ErrorEndEvent(String errorCode) implements NodeKind {}

  /**
   * An error boundary event (always interrupting).
   *
   * @param errorCode the code it catches, or null to catch every BPMN error
   * @param errorCodeVariable {@code camunda:errorCodeVariable}, or null
   * @param errorMessageVariable {@code camunda:errorMessageVariable}, or null
   */
  record BoundaryErrorEvent(
      String attachedTo, String errorCode, String errorCodeVariable, String errorMessageVariable)
      implements NodeKind {
    public boolean catches(String code) {
      return errorCode == null || errorCode.equals(code);
    }
  }

  /**
   * An embedded sub-process: the token resting here is the scope execution of the tokens inside;
   * when the last of them ends, the sub-process completes and the token leaves it.
   *
   * @param startEventId its none start event
   */
  record SubProcess(String startEventId) implements NodeKind {}

  /**
   * An event sub-process of a scope (the process or the embedded sub-process it is in), started
   * by an error or escalation thrown in the scope, or by a message, signal or timer while the
   * scope is active (its subscriptions and timer jobs live as long as the scope). An interrupting
   * one cancels the rest of the scope first; the scope completes when its tokens, the event
   * sub-process's included, have ended.
   *
   * @param error whether an error starts it (false: an escalation, unless a trigger or timer does)
   * @param code the error or escalation code it catches, or null for all
   * @param codeVariable {@code camunda:errorCodeVariable} / {@code escalationCodeVariable}, or null
   * @param trigger the message or signal that starts it, or null
   * @param timer the timer that starts it, or null
   */
  record EventSubProcess(
      String startEventId,
      boolean error,
      String code,
      boolean interrupting,
      String codeVariable,
      EventTrigger trigger,
      TimerDefinition timer)
      implements NodeKind {
    /** One started by an error or escalation. */
    public EventSubProcess(
        String startEventId, boolean error, String code, boolean interrupting, String codeVariable) {
      this(startEventId, error, code, interrupting, codeVariable, null, null);
    }

    /** Camunda 7.24 records an event sub-process as a {@code subProcess}. */
    public String activityType() {
      return "subProcess";
    }

    /** Whether a message, signal or timer (not a thrown error or escalation) starts it. */
    public boolean startsOnEvent() {
      return trigger != null || timer != null;
    }

    public boolean catches(boolean errorThrown, String thrownCode) {
      return !startsOnEvent() && error == errorThrown && (code == null || code.equals(thrownCode));
    }
  }

  /**
   * A call activity: starts an instance of the called process and waits until it completes.
   *
   * @param binding {@code camunda:calledElementBinding}: latest, deployment, version, versionTag
   * @param version {@code camunda:calledElementVersion} (binding version), or null
   * @param versionTag {@code camunda:calledElementVersionTag} (binding versionTag), or null
   * @param businessKey the {@code camunda:in businessKey} expression, or null
   */
  record CallActivity(
      String calledElement,
      String binding,
      Integer version,
      String versionTag,
      String businessKey,
      java.util.List<VariableMapping> ins,
      java.util.List<VariableMapping> outs)
      implements NodeKind {
    public CallActivity {
      ins = java.util.List.copyOf(ins);
      outs = java.util.List.copyOf(outs);
    }

    public String activityType() {
      return "callActivity";
    }
  }

  /**
   * An escalation boundary event on a sub-process.
   *
   * @param escalationCode the code it catches, or null to catch every escalation
   * @param escalationCodeVariable {@code camunda:escalationCodeVariable}, or null
   */
  record BoundaryEscalationEvent(
      String attachedTo, boolean cancelActivity, String escalationCode, String escalationCodeVariable)
      implements NodeKind {
    public boolean catches(String code) {
      return escalationCode == null || escalationCode.equals(code);
    }
  }

  /**
   * A timer boundary event. Interrupting, it ends the activity and takes its token; otherwise a
   * new token leaves from it while the activity keeps waiting, and a cycle fires again until its
   * repetitions are used up or the activity ends.
   */
  record BoundaryTimerEvent(String attachedTo, boolean cancelActivity, TimerDefinition timer)
      implements NodeKind {}
}
