package dev.tern.engine.runtime;

import dev.tern.engine.TernException;

import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.NotFoundException;
import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.model.EventTrigger;
import dev.tern.engine.deployment.model.ExecutionListener;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.IoMapping;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import dev.tern.engine.deployment.model.SequenceFlow;
import dev.tern.engine.deployment.model.ServiceImplementation;
import dev.tern.engine.deployment.model.TimerDefinition;
import dev.tern.engine.el.VariableSource;
import dev.tern.engine.event.EventSubscription;
import dev.tern.engine.event.EventSubscriptionStore;
import dev.tern.engine.job.Job;
import dev.tern.engine.job.JobDefinitions;
import dev.tern.engine.job.Jobs;
import dev.tern.engine.persistence.Ids;
import dev.tern.engine.persistence.TransactionLocal;
import dev.tern.engine.el.Expressions;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Moves tokens through a process model inside the caller's transaction, up to wait states and
 * async boundaries. Each entry point locks the instance row first, so continuations of one
 * instance never interleave.
 *
 * <p>The life of a token at a node: {@code arrive} (stop here if async-before), {@code execute}
 * (history row, input parameters, the node's behaviour; wait states stop here), {@code leave}
 * (output parameters, end of the history row, boundary timers removed; stop here if async-after),
 * then {@code take} the selected outgoing flows.
 */
final class Interpreter {

  private final Clock clock;
  private final Ids ids;
  private final DeployedProcesses processes;
  private final ProcessInstanceStore instances;
  private final ExecutionStore executions;
  private final RuntimeHistoryStore history;
  private final ActivityParents parents;
  private final RuntimeJobs jobs;
  private final JobDefinitions jobDefinitions;
  private final VariableStore variables;
  private final ParameterValues parameters;
  private final ServiceTasks serviceTasks;
  private final ExternalTasks externalTasks;
  private final EventSubscriptionStore subscriptions;
  private final SignalReceivers signalReceivers;
  private final TimerStarts timerStarts;
  private final UserTasks userTasks;
  private final UserTaskValues userTaskValues;
  private final ConditionalEvents conditionalEvents;
  private final ScopeExecutions scopeExecutions;
  private final MultiInstanceVariables loopVariables;
  private final ConcurrentExecutions concurrentExecutions;
  private final InstanceRemoval removal;
  private final Map<String, Object> beans;
  private final int maxActivitiesPerTransaction;

  Interpreter(
      Clock clock,
      Ids ids,
      DeployedProcesses processes,
      ProcessInstanceStore instances,
      ExecutionStore executions,
      RuntimeHistoryStore history,
      RuntimeJobs jobs,
      JobDefinitions jobDefinitions,
      VariableStore variables,
      ParameterValues parameters,
      ServiceTasks serviceTasks,
      ExternalTasks externalTasks,
      EventSubscriptionStore subscriptions,
      TimerStarts timerStarts,
      UserTasks userTasks,
      InstanceRemoval removal,
      ExecutionReferences references,
      Map<String, Object> beans,
      int maxActivitiesPerTransaction) {
    this.removal = removal;
    this.clock = clock;
    this.ids = ids;
    this.processes = processes;
    this.instances = instances;
    this.executions = executions;
    this.history = history;
    this.jobs = jobs;
    this.jobDefinitions = jobDefinitions;
    this.variables = variables;
    this.parameters = parameters;
    this.serviceTasks = serviceTasks;
    this.externalTasks = externalTasks;
    this.subscriptions = subscriptions;
    this.signalReceivers = new SignalReceivers(subscriptions, clock);
    this.timerStarts = timerStarts;
    this.userTasks = userTasks;
    this.userTaskValues = new UserTaskValues(parameters.expressions(), clock);
    this.conditionalEvents = new ConditionalEvents(parameters.expressions());
    this.scopeExecutions = new ScopeExecutions(executions, ids);
    this.loopVariables = new MultiInstanceVariables(variables);
    this.parents = new ActivityParents(executions);
    this.concurrentExecutions = new ConcurrentExecutions(executions, references, ids);
    this.beans = Map.copyOf(beans);
    this.maxActivitiesPerTransaction = maxActivitiesPerTransaction;
  }

  // ------------------------------------------------------------------ entry points

  ProcessInstance start(
      Handle handle, DeployedProcess process, String businessKey, Map<String, ?> initialVariables) {
    String startEventId = process.model().startEventId();
    if (startEventId == null) {
      throw new ProcessEngineException(
          "Process definition with id '"
              + process.definitionId()
              + "' has no none start event and several message or signal start events; start it"
              + " by correlating a message or throwing a signal");
    }
    return start(handle, process, businessKey, initialVariables, Map.of(), startEventId);
  }

  /**
   * Starts an instance at the given start event (a message or signal start event, or the none
   * start event).
   *
   * @param startVariables set before the start event runs; {@code localVariables} as well (the
   *     instance's own token holds Tern's process variables)
   */
  ProcessInstance start(
      Handle handle,
      DeployedProcess process,
      String businessKey,
      Map<String, ?> initialVariables,
      Map<String, ?> localVariables,
      String startEventId) {
    return start(handle, process, businessKey, initialVariables, localVariables, startEventId, null, null);
  }

  /**
   * Starts an instance; a call activity passes its run and token, so the instance knows its
   * caller and, should it complete in this call, the caller continues in its own run.
   */
  private ProcessInstance start(
      Handle handle,
      DeployedProcess process,
      String businessKey,
      Map<String, ?> initialVariables,
      Map<String, ?> localVariables,
      String startEventId,
      Run caller,
      String superExecutionId) {
    if (process.suspended()) {
      throw new ProcessEngineException(
          "SuspendedEntityInteractionException",
          "Process definition with id '" + process.definitionId() + "' is suspended");
    }
    ProcessModel model = process.model();
    String id = ids.next();
    RuntimeProcessInstance instance =
        new RuntimeProcessInstance(
            id,
            process.definitionId(),
            process.key(),
            businessKey,
            process.tenantId(),
            false,
            now(),
            null,
            caller == null ? null : caller.instance.id(),
            caller == null ? id : caller.instance.rootProcessInstanceId());
    executions.insertInstance(handle, instance, superExecutionId);
    history.instanceStarted(handle, instance, process, startEventId);
    Run run = newRun(handle, process, instance, null);
    run.callerRun = caller;
    run.superExecutionId = superExecutionId;
    run.setInitialVariables(initialVariables);
    run.setInitialVariables(localVariables);
    Token token = new Token(id, false);
    FlowNode startEvent = model.node(startEventId);
    notifyListeners(run, token, model.key(), ExecutionListener.START);
    openEventSubProcesses(run, token, null);
    run.agenda.add(() -> arrive(run, token, startEvent));
    finish(run);
    return new ProcessInstance(
        id, process.definitionId(), process.key(), businessKey, process.tenantId(), run.ended, false);
  }

  void completeUserTask(
      Handle handle, String processInstanceId, String activityId, Map<String, ?> newVariables) {
    RuntimeProcessInstance instance = lockInstance(handle, processInstanceId);
    if (instance.suspended()) {
      throw new ProcessEngineException(
          "SuspendedEntityInteractionException",
          "Process instance with id '" + processInstanceId + "' is suspended");
    }
    Run run = newRun(handle, process(handle, instance), instance, null);
    FlowNode node = run.process.model().findNode(activityId).orElse(null);
    List<ExecutionRow> waiting =
        executions.findAt(handle, processInstanceId, activityId, ExecutionState.WAITING);
    if (node == null || !(node.kind() instanceof NodeKind.UserTask) || waiting.isEmpty()) {
      throw new NotFoundException(
          "No user task '" + activityId + "' is waiting in process instance '" + processInstanceId + "'");
    }
    Token token = resting(run, waiting.get(0));
    run.setVariables(newVariables);
    userTasks.deleteForExecution(handle, token.id, UserTasks.COMPLETED, taskContext(run, token));
    // Local variables are not stored while a token waits, so the task's input parameters are
    // evaluated again here for its output parameters to read (a documented deviation from Camunda,
    // which keeps them from the moment the task started).
    applyInputs(run, token, node.ioMapping());
    run.agenda.add(() -> leave(run, token, node));
    finish(run);
  }

  /** Locks the instance row for the rest of the transaction; false when it does not exist. */
  boolean lock(Handle handle, String processInstanceId) {
    return instances.lock(handle, processInstanceId).isPresent();
  }

  /**
   * Moves on the token that waits in an external task (the caller removed the task): variables
   * become process variables, local variables are visible to the activity's output parameters.
   */
  void completeExternalTask(
      Handle handle,
      String processInstanceId,
      String executionId,
      Map<String, ?> newVariables,
      Map<String, ?> localVariables) {
    Run run = waitingRun(handle, processInstanceId);
    Token token = waitingToken(run, executionId);
    FlowNode node = run.process.model().node(token.activityId);
    run.setVariables(newVariables);
    applyInputs(run, token, node.ioMapping());
    localVariables.forEach(
        (name, value) -> token.locals.put(name, VariableValues.plain(VariableValues.typed(name, value))));
    run.agenda.add(() -> leave(run, token, node));
    finish(run);
  }

  /**
   * Camunda's {@code RuntimeService.signal}: the token waiting at a receive task, an intermediate
   * message or signal catch event, or a user task moves on as if it had been triggered (the user
   * task is deleted, reason {@code deleted}); the variables become process variables first.
   *
   * @throws InvalidRequestException when no such execution exists or it does not wait at one of
   *     those activities
   */
  void signalExecution(Handle handle, String executionId, Map<String, ?> newVariables) {
    ExecutionRow row =
        executions
            .findExecution(handle, executionId)
            .orElseThrow(
                () ->
                    new InvalidRequestException( // 400: Camunda's openapi has no 404 here
                        "Cannot signal execution "
                            + executionId
                            + ": execution "
                            + executionId
                            + " doesn't exist"));
    Run run = waitingRun(handle, row.processInstanceId());
    // read again under the instance's lock: the token may have moved meanwhile
    row = executions.findExecution(handle, executionId).orElse(row);
    if (run.instance.suspended()) {
      throw new ProcessEngineException(
          "SuspendedEntityInteractionException",
          "Process instance with id '" + run.instance.id() + "' is suspended");
    }
    FlowNode node =
        row.state() == ExecutionState.WAITING && row.activityId() != null
            ? run.process.model().findNode(row.activityId()).orElse(null)
            : null;
    boolean signallable =
        node != null
            && (node.kind() instanceof NodeKind.ReceiveTask
                || node.kind() instanceof NodeKind.UserTask
                || (node.kind() instanceof NodeKind.EventCatchEvent
                    && !isEventBasedGateway(run, row.activityId())));
    if (!signallable) {
      throw new InvalidRequestException(
          "Cannot signal execution "
              + executionId
              + ": it does not wait at a receive task, a message or signal catch event or a user task");
    }
    Token token = resting(run, row);
    run.setVariables(newVariables);
    if (node.kind() instanceof NodeKind.UserTask) {
      userTasks.deleteForExecution(handle, token.id, UserTasks.DELETED, taskContext(run, token));
    }
    applyInputs(run, token, node.ioMapping());
    run.agenda.add(() -> leave(run, token, node));
    finish(run);
  }

  /**
   * Throws a BPMN error from the activity a token waits in (an external task reported it; the
   * caller removed the task). An error boundary event of the activity that catches the code takes
   * the token (one naming the code before a catch-all); without one the token ends, as Camunda
   * 7.24 ends the execution of an uncaught BPMN error by default.
   */
  void throwBpmnError(
      Handle handle,
      String processInstanceId,
      String executionId,
      String errorCode,
      String errorMessage,
      Map<String, ?> newVariables) {
    onWaitingToken(
        handle,
        processInstanceId,
        executionId,
        newVariables,
        (run, token, node) -> () -> throwError(run, token, node, errorCode, errorMessage));
  }

  /**
   * Throws an escalation from the activity a token waits in (a user task's {@code
   * bpmnEscalation}): the nearest enclosing escalation boundary event catching the code takes it,
   * as for an escalation throw event; without one the command is refused (Camunda's ENGINE-02043)
   * and nothing changes.
   */
  void throwEscalation(
      Handle handle,
      String processInstanceId,
      String executionId,
      String escalationCode,
      Map<String, ?> newVariables) {
    onWaitingToken(
        handle,
        processInstanceId,
        executionId,
        newVariables,
        (run, token, node) -> {
          if (!escalationCaught(run, token, escalationCode)) {
            throw new TernException(
                TernException.Category.BAD_REQUEST,
                "ProcessEngineException",
                "ENGINE-02043 Execution with id '"
                    + node.id()
                    + "' throws an escalation event with escalationCode '"
                    + escalationCode
                    + "', but no escalation handler was defined. ");
          }
          return () -> escalate(run, token, node, escalationCode);
        });
  }

  /** What a command does to a waiting token: its checks, then the work it queues. */
  private interface WaitingTokenCommand {
    Runnable checkedWork(Run run, Token token, FlowNode node);
  }

  /**
   * Runs a command on the token waiting in {@code executionId}: its checks come before anything
   * changes, then the new variables are set and its work runs.
   */
  private void onWaitingToken(
      Handle handle,
      String processInstanceId,
      String executionId,
      Map<String, ?> newVariables,
      WaitingTokenCommand command) {
    Run run = waitingRun(handle, processInstanceId);
    Token token = waitingToken(run, executionId);
    Runnable work = command.checkedWork(run, token, run.process.model().node(token.activityId));
    run.setVariables(newVariables);
    run.agenda.add(work);
    finish(run);
  }

  private boolean escalationCaught(Run run, Token token, String code) {
    if (ownEscalationHandler(run, token, token.activityId, code) != null) {
      return true;
    }
    String cameFrom = null;
    for (ExecutionRow scope = enclosingScope(run, token.scopeId()); ; ) {
      if (eventSubProcessCatching(run, scope, cameFrom, false, code) != null) {
        return true;
      }
      if (scope == null) {
        return false;
      }
      if (escalationHandler(run.process.model(), scope.activityId(), code) != null) {
        return true;
      }
      cameFrom = scope.activityId();
      scope = enclosingScope(run, scope.parentId());
    }
  }

  /** Runs an {@code async-continuation} job: executes the activity, or leaves it (async-after). */
  void continueAsync(Handle handle, Job job) {
    Run run = resume(handle, job).orElse(null);
    if (run == null) {
      return;
    }
    Token token = restingToken(run, job);
    FlowNode node = run.process.model().node(token.activityId);
    if (token.miInstance) {
      // the loop's own continuation, around one inner instance
      restoreInstanceLocals(run, token);
    }
    if (RuntimeJobs.ASYNC_AFTER.equals(job.handlerConfig())) {
      run.agenda.add(
          token.miInstance
              ? () -> completeMultiInstance(run, token, node)
              : () -> take(run, token, node, selectFlows(run, token, node)));
    } else {
      run.agenda.add(() -> execute(run, token, node));
    }
    finish(run);
  }

  /**
   * Runs a {@code timer-start-event} job: schedules the cycle's next firing, then starts an
   * instance of the job's definition at its timer start event.
   */
  void fireTimerStart(Handle handle, Job job) {
    DeployedProcess process =
        processes
            .findById(handle, job.processDefinitionId())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Process definition with id '" + job.processDefinitionId() + "' does not exist"));
    FlowNode node = process.model().node(job.activityId());
    TimerDefinition timer = ((NodeKind.TimerStartEvent) node.kind()).timer();
    if (timer.type() == TimerDefinition.Type.CYCLE) {
      timerStarts.scheduleNext(handle, job, timer.expression());
    }
    start(handle, process, null, Map.of(), Map.of(), node.id());
  }

  /** Runs a {@code timer-intermediate-transition} job: the token leaves the timer catch event. */
  void fireIntermediateTimer(Handle handle, Job job) {
    Run run = resume(handle, job).orElse(null);
    if (run == null) {
      return;
    }
    Token token = restingToken(run, job);
    FlowNode node = run.process.model().node(job.activityId());
    if (isEventBasedGateway(run, token.activityId)) {
      passEventBasedGateway(run, token, node);
    } else {
      run.agenda.add(() -> leave(run, token, node));
    }
    finish(run);
  }

  /**
   * Runs a {@code timer-transition} job: the activity the boundary event is attached to is
   * cancelled (its other jobs removed) and the token continues on the boundary event's flow.
   */
  void fireBoundaryTimer(Handle handle, Job job) {
    Run run = resume(handle, job).orElse(null);
    if (run == null) {
      return;
    }
    FlowNode boundary = run.process.model().node(job.activityId());
    if (!(boundary.kind() instanceof NodeKind.BoundaryTimerEvent timer)) {
      throw new ProcessEngineException(
          "Activity '" + job.activityId() + "' of job " + job.id() + " is not a timer boundary event");
    }
    Token token = resting(run, restingRow(run, rowIdOf(run, job.executionId()), job));
    if (!timer.attachedTo().equals(token.activityId)) {
      return; // the token already left the activity; the timer is stale
    }
    if (!timer.cancelActivity()) {
      armNextCycle(run, token, boundary, timer, job);
      Token branch = boundaryPath(run, token, boundary);
      run.agenda.add(() -> execute(run, branch, boundary));
      finish(run);
      return;
    }
    interrupt(run, token);
    token.activityId = boundary.id();
    run.agenda.add(() -> execute(run, token, boundary));
    finish(run);
  }

  /**
   * Delivers a message or signal to the token holding the subscription: a catch event or receive
   * task is left; an interrupting boundary event ends its activity and takes the token; a
   * non-interrupting one sends a new token from the boundary event while the activity keeps
   * waiting (and stays subscribed).
   *
   * @param localVariables set on the execution that receives the event: for a waiting activity its
   *     own (visible to its output parameters, gone when it ends), for an event sub-process the
   *     scope it belongs to (the process instance, or an embedded sub-process's scope)
   * @param triggeredVariables set on the scope the event triggers: an event sub-process's scope
   *     execution, else as {@code localVariables} on the activity (or the boundary event's path)
   * @return the receiving token's state after the call, or empty when the subscription is gone
   *     (another transaction took it first) and nothing was done
   */
  Optional<Delivery> deliver(
      Handle handle,
      EventSubscription subscription,
      Map<String, ?> newVariables,
      Map<String, ?> localVariables,
      Map<String, ?> triggeredVariables) {
    RuntimeProcessInstance instance =
        instances.lock(handle, subscription.processInstanceId()).orElse(null);
    if (instance == null || subscriptions.findById(handle, subscription.id()).isEmpty()) {
      return Optional.empty();
    }
    Run run = newRun(handle, process(handle, instance), instance, null);
    run.setVariables(newVariables);
    Token token = receive(run, subscription, localVariables, triggeredVariables);
    finish(run);
    boolean tokenEnded = run.ended || executions.findExecution(handle, token.id).isEmpty();
    return Optional.of(new Delivery(token.id, tokenEnded, run.ended, instance.suspended()));
  }

  /** Queues what an arriving event does to the token that holds the subscription. */
  private Token receive(
      Run run,
      EventSubscription subscription,
      Map<String, ?> localVariables,
      Map<String, ?> triggeredVariables) {
    FlowNode eventSubProcess = run.process.model().eventSubProcessStartedAt(subscription.activityId());
    if (eventSubProcess != null) {
      if (run.process.model().parentOf(eventSubProcess.id()) == null) {
        run.setVariables(localVariables);
      } else {
        run.scopeVariables.setAll(
            run, run.scope(rowIdOf(run, subscription.executionId())), localVariables);
      }
      run.scopeVariables.triggerWith(triggeredVariables);
      triggerEventSubProcess(run, eventSubProcess, subscription.executionId());
      return new Token(subscription.executionId(), true);
    }
    FlowNode node = run.process.model().node(subscription.activityId());
    Token token =
        waitingToken(
            run,
            node.kind() instanceof NodeKind.BoundaryTriggerEvent
                ? rowIdOf(run, subscription.executionId())
                : subscription.executionId());
    if (node.kind() instanceof NodeKind.BoundaryTriggerEvent boundary && !boundary.cancelActivity()) {
      run.scopeVariables.setActivityLocals(run, token, localVariables);
      Token branch = boundaryPath(run, token, node);
      ScopeVariables.putLocals(branch, triggeredVariables);
      run.agenda.add(() -> execute(run, branch, node));
    } else if (node.kind() instanceof NodeKind.BoundaryTriggerEvent) {
      interrupt(run, token);
      token.activityId = node.id();
      ScopeVariables.putLocals(token, triggeredVariables);
      run.agenda.add(() -> execute(run, token, node));
    } else if (isEventBasedGateway(run, token.activityId)) {
      passEventBasedGateway(run, token, node);
    } else {
      FlowNode waitingIn = run.process.model().node(token.activityId);
      applyInputs(run, token, waitingIn.ioMapping());
      ScopeVariables.putLocals(token, localVariables);
      ScopeVariables.putLocals(token, triggeredVariables);
      run.agenda.add(() -> leave(run, token, waitingIn));
    }
    return token;
  }

  /**
   * Broadcasts a signal thrown by a token: every token subscribed to it (of active instances of
   * the thrower's tenant or of none) receives it, and every signal start event of such a latest
   * definition starts an instance. Tokens of the throwing instance continue in this run, after
   * the work already queued; other instances move (or start) in their own runs, in this
   * transaction. The {@code camunda:in} variables, evaluated with the throwing token, are set on
   * each receiver and are the start variables of the instances started (with the business key).
   */
  private void broadcastSignal(Run run, Token token, NodeKind.SignalThrowEvent signal) {
    String tenantId = run.instance.tenantId();
    Map<String, Object> variables = inputs(run, token, signal.ins());
    String businessKey = businessKey(run, token, signal.businessKey());
    for (EventSubscription receiver :
        signalReceivers.find(
            run.handle, signal.signalName(), null, SignalReceivers.Tenants.ofThrower(tenantId))) {
      if (receiver.isStart()) {
        startBy(run.handle, receiver, businessKey, variables);
      } else if (receiver.processInstanceId().equals(run.instance.id())) {
        run.agenda.add(
            () -> {
              if (subscriptions.findById(run.handle, receiver.id()).isPresent()) {
                run.setVariables(variables);
                receive(run, receiver, Map.of(), Map.of());
              }
            });
      } else {
        deliver(run.handle, receiver, variables, Map.of(), Map.of());
      }
    }
  }

  /**
   * Delivers a signal sent from outside ({@code POST /signal}) to its receivers, each in its own
   * run: tokens move on with the variables set, start events start instances with them.
   */
  void sendSignal(Handle handle, List<EventSubscription> receivers, Map<String, ?> variables) {
    for (EventSubscription receiver : receivers) {
      if (receiver.isStart()) {
        startBy(handle, receiver, null, variables);
      } else {
        deliver(handle, receiver, variables, Map.of(), Map.of());
      }
    }
  }

  /** Starts an instance at the start event of a subscription, unless its definition is suspended. */
  private void startBy(
      Handle handle, EventSubscription start, String businessKey, Map<String, ?> variables) {
    processes
        .findById(handle, start.processDefinitionId())
        .filter(p -> !p.suspended())
        .ifPresent(p -> start(handle, p, businessKey, variables, Map.of(), start.activityId()));
  }

  /**
   * The new path a non-interrupting boundary event sends from its activity: as in Camunda 7.24 a
   * concurrent execution of the activity's scope, beside the activity's path (which becomes
   * concurrent too if it ran as the scope's execution).
   */
  private Token boundaryPath(Run run, Token host, FlowNode boundary) {
    Token branch = host.sibling(null);
    concurrentExecutions.beside(run, branch, host);
    branch.id = ids.next();
    branch.activityId = boundary.id();
    return branch;
  }

  /** What became of the token an event was delivered to. */
  record Delivery(String executionId, boolean executionEnded, boolean instanceEnded, boolean suspended) {}

  /**
   * Ends the activity a token waits in because a boundary event interrupts it: its history row
   * is cancelled and its jobs, external task and event subscriptions are removed.
   */
  private void interrupt(Run run, Token token) {
    endActivity(run, token, true);
    if (runsAsItsScope(run, token)) {
      // the sub-process's boundary and event sub-process timers and subscriptions name it too
      jobs.deleteContinuations(run.handle, token.id, run.currentJobId);
    } else {
      jobs.deleteForExecution(run.handle, token.id, run.currentJobId);
      externalTasks.deleteForExecution(run.handle, token.id);
      subscriptions.deleteForExecution(run.handle, token.id);
    }
    if (token.scopeExecutionId != null) {
      jobs.deleteForExecution(run.handle, token.scopeExecutionId, run.currentJobId);
      subscriptions.deleteForExecution(run.handle, token.scopeExecutionId);
    }
    userTasks.deleteForExecution(run.handle, token.id, UserTasks.DELETED, taskContext(run, token));
    token.timersArmed = false;
    token.locals.clear();
    if (token.body || run.process.model().isScope(token.activityId)) {
      cancelInside(run, token.id);
    }
    if (token.body
        || run.process.model().isScope(token.activityId)
        || run.process.model().isCallActivity(token.activityId)) {
      run.scopeVariables.end(run, token);
    }
    if (!token.body && run.process.model().isCallActivity(token.activityId)) {
      for (String called : executions.findCalledBy(run.handle, token.id)) {
        removal.delete(run.handle, called, null, now());
      }
    }
    token.scopeExecutionId = null;
    scopeExecutions.exit(run, token);
  }

  // ------------------------------------------------------------------ token movement

  private void arrive(Run run, Token token, FlowNode node) {
    if (token.cancelled()) {
      return;
    }
    token.activityId = node.id();
    token.activityInstanceId = null;
    token.locals.clear();
    token.timersArmed = false;
    if (node.continuation().asyncBefore()) {
      park(run, token, node, ExecutionState.ASYNC);
      jobs.insertAsync(run, token, node, RuntimeJobs.ASYNC_BEFORE);
      return;
    }
    execute(run, token, node);
  }

  private void execute(Run run, Token token, FlowNode node) {
    if (token.cancelled()) {
      return;
    }
    if (++run.activitiesExecuted > maxActivitiesPerTransaction) {
      // A loop without a wait state would run until the server stops, the database growing all
      // the while; failing rolls everything back (a job records it as its failure).
      throw new TernException(
          TernException.Category.INTERNAL,
          "ProcessEngineException",
          "Process instance "
              + run.instance.id()
              + " executed more than "
              + maxActivitiesPerTransaction
              + " activities in one transaction (last: '"
              + node.id()
              + "'); does the process loop without a wait state?");
    }
    token.activityId = node.id();
    dev.tern.engine.deployment.model.MultiInstance loop =
        token.miInstance ? null : run.process.model().multiInstanceOf(node.id());
    if (loop != null) {
      executeBody(run, token, node, loop);
      return;
    }
    scopeExecutions.enter(run, token, node);
    concurrentExecutions.beforeJoin(run, token, node);
    if (node.kind() instanceof NodeKind.SubProcess || node.kind() instanceof NodeKind.EventSubProcess) {
      // Camunda's scope execution of the sub-process: its rows name it, its first token runs as it
      token.scopeExecutionId = ids.next();
    }
    startActivity(run, token, node);
    applyInputs(run, token, node.ioMapping());
    notifyListeners(run, token, node.id(), ExecutionListener.START);
    NodeKind kind = node.kind();
    if (kind instanceof NodeKind.SignalThrowEvent signal) {
      broadcastSignal(run, token, signal);
    }
    if (kind instanceof NodeKind.TerminateEndEvent) {
      terminateOthers(run, token);
    }
    if (kind instanceof NodeKind.EscalationThrowEvent escalation
        && escalate(run, token, node, escalation.escalationCode())) {
      return;
    }
    if (kind instanceof NodeKind.LinkThrowEvent link) {
      applyOutputs(run, token, node.ioMapping());
      notifyListeners(run, token, node.id(), ExecutionListener.END);
      endActivity(run, token, false);
      FlowNode target = run.process.model().node(link.catchEventId());
      run.agenda.add(() -> arrive(run, token, target));
    } else if (kind instanceof NodeKind.ErrorEndEvent errorEnd) {
      applyOutputs(run, token, node.ioMapping());
      notifyListeners(run, token, node.id(), ExecutionListener.END);
      throwError(run, token, node, errorEnd.errorCode(), null);
    } else if (kind instanceof NodeKind.NoneEndEvent
        || kind instanceof NodeKind.TerminateEndEvent
        || (kind instanceof NodeKind.EscalationThrowEvent escalation && escalation.end())
        || (kind instanceof NodeKind.SignalThrowEvent signalEnd && signalEnd.end())) {
      applyOutputs(run, token, node.ioMapping());
      notifyListeners(run, token, node.id(), ExecutionListener.END);
      endActivity(run, token, false);
      run.lastEndActivityId = node.id();
      endToken(run, token);
    } else if (kind instanceof NodeKind.SubProcess
        || kind instanceof NodeKind.EventSubProcess) {
      // the token rests here as the scope execution of the tokens inside
      String startEventId =
          kind instanceof NodeKind.SubProcess subProcess
              ? subProcess.startEventId()
              : ((NodeKind.EventSubProcess) kind).startEventId();
      park(run, token, node, ExecutionState.WAITING);
      armBoundaryTimers(run, token, node);
      armBoundaryTriggers(run, token, node);
      openEventSubProcesses(run, token, node.id());
      Token inner =
          new Token(token.scopeExecutionId != null ? token.scopeExecutionId : ids.next(), false);
      inner.scope = run.scope(token.id);
      inner.scope.knowScopeExecution(token.scopeExecutionId);
      if (token.miInstance && inner.scope.locals == null) {
        inner.scope.locals = new java.util.HashMap<>(token.locals);
        inner.scope.parent = token.scope;
      }
      run.scopeVariables.start(run, token, node);
      FlowNode start = run.process.model().node(startEventId);
      run.agenda.add(() -> arrive(run, inner, start));
    } else if (kind instanceof NodeKind.CallActivity call) {
      park(run, token, node, ExecutionState.WAITING);
      armBoundaryTimers(run, token, node);
      armBoundaryTriggers(run, token, node);
      callProcess(run, token, call);
    } else if (kind instanceof NodeKind.UserTask userTask) {
      park(run, token, node, ExecutionState.WAITING);
      armBoundaryTimers(run, token, node);
      armBoundaryTriggers(run, token, node);
      createUserTask(run, token, node, userTask);
    } else if (kind instanceof NodeKind.EventCatchEvent catchEvent) {
      park(run, token, node, ExecutionState.WAITING);
      subscribe(run, token, node, catchEvent.trigger());
    } else if (kind instanceof NodeKind.ReceiveTask receiveTask) {
      park(run, token, node, ExecutionState.WAITING);
      if (receiveTask.messageName() != null) {
        subscribe(run, token, node, EventTrigger.message(receiveTask.messageName()));
      }
      armBoundaryTimers(run, token, node);
      armBoundaryTriggers(run, token, node);
    } else if (kind instanceof NodeKind.TimerCatchEvent catchEvent) {
      park(run, token, node, ExecutionState.WAITING);
      jobs.insertTimer(
          run, token, node, RuntimeJobs.TIMER_INTERMEDIATE, dueDate(run, token, catchEvent.timer()));
    } else if (kind instanceof NodeKind.ServiceTask serviceTask
        && serviceTask.implementation() instanceof ServiceImplementation.External external) {
      park(run, token, node, ExecutionState.WAITING);
      armBoundaryTimers(run, token, node);
      armBoundaryTriggers(run, token, node);
      createExternalTask(run, token, node, external);
    } else if (kind instanceof NodeKind.ServiceTask serviceTask) {
      serviceTasks.execute(serviceTask.implementation(), facade(run, token));
      leave(run, token, node);
    } else if (kind instanceof NodeKind.ParallelGateway) {
      if (join(run, token, node)) {
        leave(run, token, node);
      }
    } else if (kind instanceof NodeKind.InclusiveGateway && node.incoming().size() > 1) {
      // joins once the run's work is done and no other token can arrive (activateInclusiveJoins)
      park(run, token, node, ExecutionState.JOIN);
    } else if (kind instanceof NodeKind.EventBasedGateway) {
      park(run, token, node, ExecutionState.WAITING);
      for (SequenceFlow flow : run.process.model().outgoing(node)) {
        FlowNode target = run.process.model().node(flow.targetId());
        if (target.kind() instanceof NodeKind.EventCatchEvent catchEvent) {
          subscribe(run, token, target, catchEvent.trigger());
        } else if (target.kind() instanceof NodeKind.TimerCatchEvent timer) {
          jobs.insertTimer(
              run, token, target, RuntimeJobs.TIMER_INTERMEDIATE, dueDate(run, token, timer.timer()));
        }
      }
    } else {
      // start events, exclusive gateways, boundary events: nothing to do but to leave
      leave(run, token, node);
    }
  }

  private void leave(Run run, Token token, FlowNode node) {
    if (token.cancelled()) {
      return;
    }
    if (token.miInstance) {
      restoreInstanceLocals(run, token);
    }
    boolean scope = run.process.model().isScope(node.id());
    if (scope) {
      run.scopeVariables.beforeOutputs(run, token, node);
    }
    applyOutputs(run, token, node.ioMapping());
    notifyListeners(run, token, node.id(), ExecutionListener.END);
    endActivity(run, token, false);
    if (token.persisted && scope) {
      closeEventSubProcesses(run, token.ownExecution(), node.id());
    }
    if (token.persisted && (scope || run.process.model().isCallActivity(node.id()))) {
      run.scopeVariables.end(run, token);
    }
    if (token.miInstance) {
      token.scopeExecutionId = null;
      if (run.process.model().multiInstanceOf(node.id()).inner().asyncAfter()) {
        token.activityInstanceId = null;
        park(run, token, node, ExecutionState.ASYNC);
        jobs.insertAsync(run, token, node, RuntimeJobs.ASYNC_AFTER);
      } else {
        completeMultiInstance(run, token, node);
      }
      return;
    }
    if (token.timersArmed) {
      jobs.deleteBoundaryTimers(run.handle, token.ownExecution(), run.currentJobId);
      token.timersArmed = false;
    }
    if (token.persisted && subscribes(run.process.model(), node)) {
      subscriptions.deleteForExecution(run.handle, token.ownExecution());
    }
    token.scopeExecutionId = null;
    scopeExecutions.exit(run, token);
    token.locals.clear();
    if (node.continuation().asyncAfter()) {
      park(run, token, node, ExecutionState.ASYNC);
      jobs.insertAsync(run, token, node, RuntimeJobs.ASYNC_AFTER);
      return;
    }
    take(run, token, node, selectFlows(run, token, node));
  }

  private void take(Run run, Token token, FlowNode node, List<SequenceFlow> flows) {
    if (flows.isEmpty()) {
      run.lastEndActivityId = node.id();
      endToken(run, token);
      return;
    }
    ProcessModel model = run.process.model();
    for (SequenceFlow flow : flows) {
      notifyListeners(run, token, flow.id(), ExecutionListener.TAKE);
    }
    if (flows.size() > 1) {
      concurrentExecutions.fork(run, token);
    }
    for (int i = 0; i < flows.size(); i++) {
      Token next = i == 0 ? token : token.sibling(ids.next());
      FlowNode target = model.node(flows.get(i).targetId());
      run.agenda.add(() -> arrive(run, next, target));
    }
  }

  /**
   * A parallel gateway with several incoming flows waits until as many tokens as it has incoming
   * flows rest there; the last one to arrive continues, the others are removed.
   */
  private boolean join(Run run, Token token, FlowNode node) {
    int expected = node.incoming().size();
    if (expected <= 1) {
      return true;
    }
    // the join's activity instance stays open while it waits, as in Camunda 7.24
    park(run, token, node, ExecutionState.JOIN);
    List<ExecutionRow> arrived =
        executions.findAt(run.handle, run.instance.id(), node.id(), ExecutionState.JOIN).stream()
            .filter(row -> java.util.Objects.equals(row.parentId(), token.scopeId()))
            .toList();
    if (arrived.size() < expected) {
      return false;
    }
    int removed = 0;
    for (ExecutionRow row : arrived) {
      if (removed == expected - 1) {
        break;
      }
      if (!row.id().equals(token.id)) {
        endJoined(run, row);
        removed++;
      }
    }
    return true;
  }

  /** A token that waited at a join is joined into the one that goes on: its activity instance ends. */
  private void endJoined(Run run, ExecutionRow row) {
    if (row.activityInstanceId() != null) {
      history.activityEnded(run.handle, row.activityInstanceId(), now(), false);
    }
    run.endedPaths.add(row.id());
    executions.deleteExecution(run.handle, row.id());
  }

  private List<SequenceFlow> selectFlows(Run run, Token token, FlowNode node) {
    ProcessModel model = run.process.model();
    if (node.kind() instanceof NodeKind.ExclusiveGateway gateway) {
      return List.of(chooseExclusive(run, token, node, gateway));
    }
    if (node.kind() instanceof NodeKind.ParallelGateway) {
      return model.outgoing(node);
    }
    if (node.kind() instanceof NodeKind.InclusiveGateway gateway) {
      return chooseInclusive(run, token, node, gateway);
    }
    List<SequenceFlow> selected = new ArrayList<>();
    for (SequenceFlow flow : model.outgoing(node)) {
      if (flow.conditionExpression() == null || condition(run, token, flow)) {
        selected.add(flow);
      }
    }
    if (selected.isEmpty() && !node.outgoing().isEmpty()) {
      throw new ProcessEngineException(
          "No conditional sequence flow leaving the Flow Node '"
              + node.id()
              + "' could be selected for continuing the process");
    }
    return selected;
  }

  private SequenceFlow chooseExclusive(
      Run run, Token token, FlowNode node, NodeKind.ExclusiveGateway gateway) {
    for (SequenceFlow flow : run.process.model().outgoing(node)) {
      if (flow.id().equals(gateway.defaultFlowId())) {
        continue;
      }
      if (flow.conditionExpression() == null || condition(run, token, flow)) {
        return flow;
      }
    }
    if (gateway.defaultFlowId() != null) {
      return run.process.model().flow(gateway.defaultFlowId());
    }
    throw new ProcessEngineException(
        "ENGINE-02004 No outgoing sequence flow for the element with id '"
            + node.id()
            + "' could be selected for continuing the process.");
  }

  /** Every flow whose condition holds (or that has none); the default flow when none does. */
  private List<SequenceFlow> chooseInclusive(
      Run run, Token token, FlowNode node, NodeKind.InclusiveGateway gateway) {
    List<SequenceFlow> selected = new ArrayList<>();
    for (SequenceFlow flow : run.process.model().outgoing(node)) {
      if (!flow.id().equals(gateway.defaultFlowId())
          && (flow.conditionExpression() == null || condition(run, token, flow))) {
        selected.add(flow);
      }
    }
    if (selected.isEmpty() && gateway.defaultFlowId() != null) {
      return List.of(run.process.model().flow(gateway.defaultFlowId()));
    }
    if (selected.isEmpty() && !node.outgoing().isEmpty()) {
      throw new ProcessEngineException(
          "ENGINE-02004 No outgoing sequence flow for the element with id '"
              + node.id()
              + "' could be selected for continuing the process.");
    }
    return selected;
  }

  /**
   * Activates the inclusive joins of the instance that no other token can still reach: one of
   * the tokens waiting there leaves, the others are removed. Called when the run's work is done,
   * so every token of the instance rests in {@code tern_execution}.
   *
   * @return whether a join was activated (its token's work is queued)
   */
  private boolean activateInclusiveJoins(Run run) {
    ProcessModel model = run.process.model();
    List<ExecutionRow> rows = null;
    for (FlowNode gateway : model.nodes().values()) {
      if (!(gateway.kind() instanceof NodeKind.InclusiveGateway) || gateway.incoming().size() < 2) {
        continue;
      }
      if (rows == null) {
        rows = executions.findByInstance(run.handle, run.instance.id());
      }
      List<ExecutionRow> waiting =
          rows.stream()
              .filter(r -> r.state() == ExecutionState.JOIN && r.activityId().equals(gateway.id()))
              .toList();
      if (waiting.isEmpty()) {
        continue;
      }
      boolean another =
          rows.stream()
              .filter(r -> !waiting.contains(r))
              .anyMatch(r -> canReach(model, r.activityId(), gateway.id()));
      if (another) {
        continue;
      }
      for (ExecutionRow extra : waiting.subList(1, waiting.size())) {
        endJoined(run, extra);
      }
      Token token = resting(run, waiting.get(0));
      concurrentExecutions.afterInclusiveJoin(run, token);
      run.agenda.add(() -> leave(run, token, gateway));
      return true;
    }
    return false;
  }

  /**
   * Whether a token at {@code fromId} may still arrive at {@code targetId}: along sequence flows,
   * boundary events and links (a token already at the target counts).
   */
  private static boolean canReach(ProcessModel model, String fromId, String targetId) {
    java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(fromId));
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (id.equals(targetId)) {
        return true;
      }
      if (!seen.add(id)) {
        continue;
      }
      FlowNode node = model.node(id);
      model.outgoing(node).forEach(flow -> todo.push(flow.targetId()));
      model.errorBoundariesOf(id).forEach(b -> todo.push(b.id()));
      model.boundaryEventsOf(id).forEach(b -> todo.push(b.id()));
      model.triggerBoundariesOf(id).forEach(b -> todo.push(b.id()));
      model.escalationBoundariesOf(id).forEach(b -> todo.push(b.id()));
      if (node.kind() instanceof NodeKind.LinkThrowEvent link) {
        todo.push(link.catchEventId());
      }
    }
    return false;
  }

  private boolean isEventBasedGateway(Run run, String activityId) {
    return run.process.model().node(activityId).kind() instanceof NodeKind.EventBasedGateway;
  }

  /**
   * The first event after an event-based gateway arrived: the gateway's other subscriptions and
   * timers are removed, it ends, and the token passes through the catch event that fired.
   */
  private void passEventBasedGateway(Run run, Token token, FlowNode catchEvent) {
    subscriptions.deleteForExecution(run.handle, token.id);
    jobs.deleteForExecution(run.handle, token.id, run.currentJobId);
    endActivity(run, token, true); // Camunda records the gateway as cancelled by its event
    scopeExecutions.exit(run, token);
    run.agenda.add(
        () -> {
          token.activityId = catchEvent.id();
          startActivity(run, token, catchEvent);
          applyInputs(run, token, catchEvent.ioMapping());
          leave(run, token, catchEvent);
        });
  }

  private boolean condition(Run run, Token token, SequenceFlow flow) {
    String text = flow.conditionExpression();
    Object value = parameters.expressions().evaluate(text, facade(run, token));
    return ConditionalEvents.requireBoolean(value, text, "on sequence flow '" + flow.id() + "'");
  }

  /**
   * Removes the row of a token that has moved on while its row still names an earlier activity
   * (a thrower about to be cancelled with its scope), so cancelling does not end that earlier
   * activity again; a token still waiting where its row says is cancelled with the rest.
   */
  private void detach(Run run, Token token) {
    if (token.persisted && !token.activityId.equals(token.parkedAt)) {
      deleteJobsOf(run, token);
      executions.deleteExecution(run.handle, token.id);
      token.persisted = false;
    }
  }

  private void endToken(Run run, Token token) {
    if (token.scope != null) {
      run.scopesToCheck.add(token.scope.executionId);
    }
    if (token.persisted && concurrentExecutions.isPath(run, token)) {
      run.endedPaths.add(token.id);
    }
    if (token.persisted) {
      jobs.deleteForEndedExecution(
          run.handle, run.instance.id(), token.id, runsAsItsScope(run, token), run.currentJobId);
      executions.deleteExecution(run.handle, token.id);
      token.persisted = false;
    }
  }

  /** Deletes a resting token's jobs (not those of the sub-process whose scope execution it is). */
  private void deleteJobsOf(Run run, Token token) {
    if (runsAsItsScope(run, token)) {
      jobs.deleteContinuations(run.handle, token.id, run.currentJobId);
    } else {
      jobs.deleteForExecution(run.handle, token.id, run.currentJobId);
    }
  }

  /**
   * Whether the token runs as Camunda's scope execution of its sub-process, whose boundary jobs,
   * subscriptions and event sub-processes name the same execution.
   */
  private boolean runsAsItsScope(Run run, Token token) {
    return token.scope != null
        && token.id.equals(concurrentExecutions.scopeExecution(run, token));
  }

  private void park(Run run, Token token, FlowNode node, ExecutionState state) {
    token.parkedAt = node.id();
    if (token.persisted) {
      executions.moveExecution(
          run.handle, token.id, node.id(), token.activityInstanceId, state, token.scopeExecutionId);
    } else {
      executions.insertExecution(
          run.handle,
          new ExecutionRow(
              token.id,
              run.instance.id(),
              token.scopeId(),
              node.id(),
              token.activityInstanceId,
              state,
              now(),
              token.loopCounter,
              token.outerId,
              token.scopeExecutionId));
      token.persisted = true;
    }
  }

  private void createExternalTask(
      Run run, Token token, FlowNode node, ServiceImplementation.External external) {
    ExecutionFacade facade = facade(run, token);
    Object topic =
        Expressions.isExpression(external.topic())
            ? parameters.expressions().evaluate(external.topic(), facade)
            : external.topic();
    externalTasks.create(
        run.handle,
        new NewExternalTask(
            String.valueOf(topic),
            priority(external.priority(), facade),
            waitingActivity(run, token, node),
            run.instance.businessKey()));
  }

  private void createUserTask(Run run, Token token, FlowNode node, NodeKind.UserTask userTask) {
    ExecutionFacade facade = facade(run, token);
    userTasks.create(
        run.handle,
        userTaskValues.evaluate(
            userTask.task(),
            facade,
            waitingActivity(run, token, node)),
        new UserTaskContext(userTask.task().listeners(), () -> facade));
  }

  private static WaitingActivity waitingActivity(Run run, Token token, FlowNode node) {
    return new WaitingActivity(
        token.id,
        run.instance.id(),
        run.instance.processDefinitionId(),
        run.instance.processDefinitionKey(),
        node.id(),
        token.activityInstanceId,
        run.instance.tenantId());
  }

  /** The task listeners of the user task a token waits in, run on that token. */
  private UserTaskContext taskContext(Run run, Token token) {
    return run.process.model().findNode(token.activityId)
        .filter(n -> n.kind() instanceof NodeKind.UserTask)
        .map(n -> ((NodeKind.UserTask) n.kind()).task().listeners())
        .filter(listeners -> !listeners.isEmpty())
        .map(listeners -> new UserTaskContext(listeners, () -> facade(run, token)))
        .orElse(UserTaskContext.NONE);
  }

  /**
   * The execution a token waits on, for listeners run outside any token move (its variables are
   * written through); the caller has locked the instance.
   */
  ExecutionFacade waitingExecution(Handle handle, String processInstanceId, String executionId) {
    Run run = waitingRun(handle, processInstanceId);
    return facade(run, waitingToken(run, executionId));
  }

  private long priority(String text, ExecutionFacade facade) {
    if (text == null) {
      return 0;
    }
    Object value =
        Expressions.isExpression(text) ? parameters.expressions().evaluate(text, facade) : text;
    if (value instanceof Number number) {
      return number.longValue();
    }
    try {
      return Long.parseLong(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      throw new ProcessEngineException("Priority value is not an Integer: " + value);
    }
  }

  /**
   * Throws a BPMN error from a node: an error end event, or the activity a token waits in. An
   * error boundary event of the activity catches it first, else one of the nearest enclosing
   * sub-process (its inside is cancelled); uncaught, the token ends (Camunda 7.24's default).
   */
  private void throwError(Run run, Token token, FlowNode node, String code, String message) {
    boolean endEvent = node.kind() instanceof NodeKind.ErrorEndEvent;
    if (token.persisted) {
      jobs.deleteForExecution(run.handle, token.id, run.currentJobId);
      subscriptions.deleteForExecution(run.handle, token.id);
    }
    token.timersArmed = false;
    FlowNode handler =
        endEvent || token.miInstance ? null : errorHandler(run.process.model(), node.id(), code);
    if (handler != null) {
      endActivity(run, token, true);
      token.locals.clear();
      scopeExecutions.exit(run, token);
      takeBoundary(run, token, handler, code, message);
      return;
    }
    run.lastEndActivityId = node.id();
    detach(run, token);
    String cameFrom = null;
    for (ExecutionRow scope = enclosingScope(run, token.scopeId()); ; ) {
      // an event sub-process of the scope catches before the scope's boundary events
      FlowNode eventSubProcess = eventSubProcessCatching(run, scope, cameFrom, true, code);
      if (eventSubProcess != null) {
        endActivity(run, token, !endEvent);
        startEventSubProcess(run, scope, eventSubProcess, code, null);
        return;
      }
      if (scope == null) {
        break;
      }
      handler = errorHandler(run.process.model(), scope.activityId(), code);
      if (handler != null) {
        endActivity(run, token, !endEvent);
        Token scopeToken = resting(run, scope);
        interrupt(run, scopeToken);
        takeBoundary(run, scopeToken, handler, code, message);
        return;
      }
      cameFrom = scope.activityId();
      scope = enclosingScope(run, scope.parentId());
    }
    // uncaught, the activity completes (Camunda's history does not cancel it)
    boolean toCaller =
        run.instance.superProcessInstanceId() != null
            && callerOf(run).map(caller -> catches(caller, code)).orElse(false);
    endActivity(run, token, toCaller && !endEvent);
    if (toCaller && throwToCaller(run, code, message)) {
      return;
    }
    endToken(run, token);
  }

  /**
   * An error nobody in a called instance catches goes to the call activity that started it, if
   * it (its boundary events, enclosing sub-processes or callers) catches the code: the called
   * instance is deleted and the error is thrown from the call activity.
   *
   * @return false when nobody catches it (the thrower's token then ends)
   */
  private boolean throwToCaller(Run run, String code, String message) {
    CallerToken caller = callerOf(run).orElse(null);
    if (caller == null || !catches(caller, code)) {
      return false;
    }
    run.agenda.clear();
    run.removed = true;
    removal.delete(run.handle, run.instance.id(), null, now());
    Token token = resting(caller.run(), caller.row());
    FlowNode node = caller.run().process.model().node(caller.row().activityId());
    continueCaller(run, caller, () -> throwError(caller.run(), token, node, code, message));
    return true;
  }

  private boolean catches(CallerToken caller, String code) {
    ProcessModel model = caller.run().process.model();
    if (errorHandler(model, caller.row().activityId(), code) != null) {
      return true;
    }
    for (ExecutionRow scope = enclosingScope(caller.run(), caller.row().parentId());
        scope != null;
        scope = enclosingScope(caller.run(), scope.parentId())) {
      if (errorHandler(model, scope.activityId(), code) != null) {
        return true;
      }
    }
    return caller.run().instance.superProcessInstanceId() != null
        && callerOf(caller.run()).map(up -> catches(up, code)).orElse(false);
  }

  private void takeBoundary(Run run, Token token, FlowNode handler, String code, String message) {
    NodeKind.BoundaryErrorEvent error = (NodeKind.BoundaryErrorEvent) handler.kind();
    if (error.errorCodeVariable() != null) {
      run.setVariable(error.errorCodeVariable(), code);
    }
    if (error.errorMessageVariable() != null) {
      run.setVariable(error.errorMessageVariable(), message);
    }
    token.activityId = handler.id();
    execute(run, token, handler);
  }

  /**
   * The resting scope execution of the given id that can hold boundary events, or null for the
   * process scope: an instance of a multi-instance sub-process is passed over for its body.
   */
  private ExecutionRow enclosingScope(Run run, String scopeId) {
    ExecutionRow row =
        scopeId == null ? null : executions.findExecution(run.handle, scopeId).orElse(null);
    return row != null && row.loopCounter() != null ? enclosingScope(run, row.parentId()) : row;
  }

  /**
   * An escalation thrown by a token: the escalation boundary event of the nearest enclosing
   * sub-process that catches the code takes it (one naming the code before a catch-all). An
   * interrupting one cancels the sub-process and its token takes the boundary event; a
   * non-interrupting one sends a new token from the boundary event while the thrower goes on.
   *
   * @return whether the thrower was cancelled (nothing more to do for it)
   */
  private boolean escalate(Run run, Token token, FlowNode thrower, String code) {
    ProcessModel model = run.process.model();
    FlowNode own = ownEscalationHandler(run, token, thrower.id(), code);
    if (own != null) {
      return catchEscalation(run, token, own, code);
    }
    String cameFrom = null;
    for (ExecutionRow scope = enclosingScope(run, token.scopeId()); ; ) {
      FlowNode eventSubProcess = eventSubProcessCatching(run, scope, cameFrom, false, code);
      if (eventSubProcess != null) {
        boolean interrupting = ((NodeKind.EventSubProcess) eventSubProcess.kind()).interrupting();
        if (interrupting) {
          applyOutputs(run, token, thrower.ioMapping());
          notifyListeners(run, token, thrower.id(), ExecutionListener.END);
          endActivity(run, token, false);
          detach(run, token);
        }
        startEventSubProcess(run, scope, eventSubProcess, code, interrupting ? null : token);
        return interrupting;
      }
      if (scope == null) {
        break;
      }
      FlowNode handler = escalationHandler(model, scope.activityId(), code);
      if (handler == null) {
        cameFrom = scope.activityId();
        scope = enclosingScope(run, scope.parentId());
        continue;
      }
      if (((NodeKind.BoundaryEscalationEvent) handler.kind()).cancelActivity()) {
        applyOutputs(run, token, thrower.ioMapping());
        notifyListeners(run, token, thrower.id(), ExecutionListener.END);
        endActivity(run, token, false);
        detach(run, token);
      }
      return catchEscalation(run, resting(run, scope), handler, code);
    }
    return run.instance.superProcessInstanceId() != null && escalateToCaller(run, code);
  }

  /**
   * The escalation boundary event of the activity a token waits in (a user task's own) that
   * catches the code; an instance of a multi-instance activity has none (its body's are found as
   * those of an enclosing scope).
   */
  private static FlowNode ownEscalationHandler(Run run, Token token, String activityId, String code) {
    return token.miInstance ? null : escalationHandler(run.process.model(), activityId, code);
  }

  /**
   * An escalation boundary event of the activity {@code host} rests in takes an escalation:
   * interrupting, the activity is cancelled and its token takes the boundary event; otherwise a
   * new token leaves from the boundary event and the activity goes on waiting.
   *
   * @return whether the host was interrupted
   */
  private boolean catchEscalation(Run run, Token host, FlowNode handler, String code) {
    NodeKind.BoundaryEscalationEvent boundary = (NodeKind.BoundaryEscalationEvent) handler.kind();
    setEscalationCode(run, boundary, code);
    if (!boundary.cancelActivity()) {
      Token branch = boundaryPath(run, host, handler);
      run.agenda.add(() -> execute(run, branch, handler));
      return false;
    }
    interrupt(run, host);
    host.activityId = handler.id();
    run.agenda.add(() -> execute(run, host, handler));
    return true;
  }

  /**
   * The event sub-process of a scope (a resting sub-process, or null for the process) that
   * catches an error or escalation coming from inside it; not the one it was thrown in.
   */
  private static FlowNode eventSubProcessCatching(
      Run run, ExecutionRow scope, String cameFrom, boolean error, String code) {
    if (scope != null && scope.state() == ExecutionState.BODY) {
      return null;
    }
    FlowNode found =
        run.process.model()
            .eventSubProcessCatching(scope == null ? null : scope.activityId(), error, code);
    return found == null || found.id().equals(cameFrom) ? null : found;
  }

  /**
   * Starts an event sub-process in its scope: an interrupting one first cancels every other token
   * of the scope (of the process: the queued work too); its token then rests at the event
   * sub-process as the scope of the tokens inside, like an embedded sub-process.
   */
  private void startEventSubProcess(
      Run run, ExecutionRow scope, FlowNode node, String code, Token thrower) {
    NodeKind.EventSubProcess eventSubProcess = (NodeKind.EventSubProcess) node.kind();
    if (eventSubProcess.codeVariable() != null) {
      run.setVariable(eventSubProcess.codeVariable(), code);
    }
    if (eventSubProcess.interrupting() && scope == null) {
      run.agenda.clear();
      executions.findByInstance(run.handle, run.instance.id()).stream()
          .filter(row -> row.parentId() == null)
          .forEach(row -> removeResting(run, row));
    } else if (eventSubProcess.interrupting()) {
      cancelInside(run, scope.id());
    }
    Token token = new Token(null, false);
    token.scope = run.scope(scope == null ? null : scope.id());
    token.activityId = node.id();
    if (eventSubProcess.interrupting()) {
      // the only path of its scope now: it runs as the scope's execution, as in Camunda
      token.id = concurrentExecutions.scopeExecution(run, token);
    } else {
      concurrentExecutions.beside(run, token, thrower);
    }
    if (token.id == null) {
      token.id = ids.next();
    }
    run.agenda.add(() -> execute(run, token, node));
  }

  /**
   * An escalation nobody in a called instance catches goes to its caller: an escalation boundary
   * event of the call activity or of a sub-process around it. Interrupting, the called instance is
   * deleted and the caller's token takes the boundary event; otherwise a new token of the caller
   * leaves from it and the thrower goes on.
   *
   * @return whether the thrower was cancelled
   */
  private boolean escalateToCaller(Run run, String code) {
    CallerToken caller = callerOf(run).orElse(null);
    if (caller == null) {
      return false;
    }
    ProcessModel model = caller.run().process.model();
    for (ExecutionRow row = caller.row(); row != null; row = enclosingScope(caller.run(), row.parentId())) {
      FlowNode handler = escalationHandler(model, row.activityId(), code);
      if (handler == null) {
        continue;
      }
      NodeKind.BoundaryEscalationEvent boundary = (NodeKind.BoundaryEscalationEvent) handler.kind();
      Token scopeToken = resting(caller.run(), row);
      if (!boundary.cancelActivity()) {
        Token branch = boundaryPath(caller.run(), scopeToken, handler);
        continueCaller(
            run,
            caller,
            () -> {
              setEscalationCode(caller.run(), boundary, code);
              execute(caller.run(), branch, handler);
            });
        return false;
      }
      run.agenda.clear();
      run.removed = true;
      removal.delete(run.handle, run.instance.id(), null, now());
      continueCaller(
          run,
          caller,
          () -> {
            setEscalationCode(caller.run(), boundary, code);
            interrupt(caller.run(), scopeToken);
            scopeToken.activityId = handler.id();
            execute(caller.run(), scopeToken, handler);
          });
      return true;
    }
    return false;
  }

  private static void setEscalationCode(
      Run run, NodeKind.BoundaryEscalationEvent boundary, String code) {
    if (boundary.escalationCodeVariable() != null) {
      run.setVariable(boundary.escalationCodeVariable(), code);
    }
  }

  private static FlowNode escalationHandler(ProcessModel model, String activityId, String code) {
    return catchingBoundary(
        model.escalationBoundariesOf(activityId),
        boundary -> ((NodeKind.BoundaryEscalationEvent) boundary.kind()).escalationCode(),
        code);
  }

  /** The error boundary event that catches the code: one naming it first, else a catch-all. */
  private static FlowNode errorHandler(ProcessModel model, String activityId, String code) {
    return catchingBoundary(
        model.errorBoundariesOf(activityId),
        boundary -> ((NodeKind.BoundaryErrorEvent) boundary.kind()).errorCode(),
        code);
  }

  /** The boundary whose code is {@code code}, else the first without a code (a catch-all). */
  private static FlowNode catchingBoundary(
      List<FlowNode> boundaries, java.util.function.Function<FlowNode, String> codeOf, String code) {
    FlowNode catchAll = null;
    for (FlowNode boundary : boundaries) {
      String boundaryCode = codeOf.apply(boundary);
      if (boundaryCode != null && boundaryCode.equals(code)) {
        return boundary;
      }
      if (boundaryCode == null && catchAll == null) {
        catchAll = boundary;
      }
    }
    return catchAll;
  }

  private void armBoundaryTimers(Run run, Token token, FlowNode node) {
    if (token.timersArmed || token.miInstance) {
      return;
    }
    for (FlowNode boundary : run.process.model().boundaryEventsOf(node.id())) {
      NodeKind.BoundaryTimerEvent timer = (NodeKind.BoundaryTimerEvent) boundary.kind();
      Object value = timerValue(run, token, timer.timer());
      jobs.insertTimer(
          run,
          token,
          boundary,
          RuntimeJobs.TIMER_TRANSITION,
          TimerSchedule.dueDate(timer.timer().type(), value, now(), clock.getZone())
              .truncatedTo(ChronoUnit.MILLIS),
          BoundaryTimerCycles.first(boundary.id(), timer, String.valueOf(value)));
      token.timersArmed = true;
    }
  }

  /**
   * A non-interrupting boundary timer with a cycle schedules its next firing (the activity still
   * waits), unless the firing now due was its last.
   */
  private void armNextCycle(
      Run run, Token token, FlowNode boundary, NodeKind.BoundaryTimerEvent timer, Job due) {
    String configuration = BoundaryTimerCycles.next(due.handlerConfig());
    if (!BoundaryTimerCycles.repeats(timer) || configuration == null) {
      return;
    }
    jobs.insertTimer(
        run, token, boundary, RuntimeJobs.TIMER_TRANSITION, nextFiring(run, token, timer.timer(), due), configuration);
  }

  /** The firing of a cycle after the one of the job now due. */
  private Instant nextFiring(Run run, Token token, TimerDefinition timer, Job due) {
    Instant previous = due.dueDate() == null ? now() : due.dueDate();
    return TimerSchedule.nextCycleOccurrence(
            String.valueOf(timerValue(run, token, timer)), previous, clock.getZone())
        .truncatedTo(ChronoUnit.MILLIS);
  }

  // ------------------------------------------------------------------ event sub-processes on events

  /**
   * A scope starts (the instance, or a token resting at a sub-process): each event sub-process a
   * message or signal starts in it subscribes, each one a timer starts gets its timer job. In the
   * process scope they belong to the instance (no execution row).
   */
  private void openEventSubProcesses(Run run, Token scopeToken, String scopeNodeId) {
    String executionId = scopeNodeId == null ? null : scopeToken.ownExecution();
    for (FlowNode node : run.process.model().eventStartedSubProcessesOf(scopeNodeId)) {
      NodeKind.EventSubProcess sub = (NodeKind.EventSubProcess) node.kind();
      FlowNode start = run.process.model().node(sub.startEventId());
      if (sub.trigger() != null) {
        subscribe(run, scopeToken, executionId, start, sub.trigger());
        continue;
      }
      Object value = timerValue(run, scopeToken, sub.timer());
      jobs.insertEventSubProcessTimer(
          run,
          executionId,
          start,
          TimerSchedule.dueDate(sub.timer().type(), value, now(), clock.getZone())
              .truncatedTo(ChronoUnit.MILLIS),
          BoundaryTimerCycles.first(
              start.id(),
              BoundaryTimerCycles.repeats(sub.interrupting(), sub.timer()),
              String.valueOf(value)));
    }
  }

  /** A scope ends or is interrupted: its event sub-processes' subscriptions and timers go. */
  private void closeEventSubProcesses(Run run, String executionId, String scopeNodeId) {
    List<String> starts =
        run.process.model().eventStartedSubProcessesOf(scopeNodeId).stream()
            .map(n -> ((NodeKind.EventSubProcess) n.kind()).startEventId())
            .toList();
    if (!starts.isEmpty()) {
      subscriptions.deleteScopeStarts(run.handle, run.instance.id(), executionId, starts);
      jobs.deleteEventSubProcessTimers(run.handle, run.instance.id(), executionId, run.currentJobId);
    }
  }

  /**
   * A message, signal or timer starts an event sub-process in its scope, if the scope still runs:
   * an interrupting one first removes the scope's event sub-process subscriptions and timers (it
   * can start only once), then cancels the rest of the scope.
   *
   * @param executionId the scope's token, or the instance id for the process scope
   * @return whether it started
   */
  private boolean triggerEventSubProcess(Run run, FlowNode node, String executionId) {
    NodeKind.EventSubProcess sub = (NodeKind.EventSubProcess) node.kind();
    String scopeNodeId = run.process.model().parentOf(node.id());
    ExecutionRow scope = null;
    if (scopeNodeId != null) {
      scope =
          executions
              .findExecution(run.handle, rowIdOf(run, executionId))
              .filter(r -> r.state() == ExecutionState.WAITING && scopeNodeId.equals(r.activityId()))
              .orElse(null);
      if (scope == null) {
        return false; // the scope ended meanwhile
      }
    }
    if (sub.interrupting()) {
      closeEventSubProcesses(
          run, scope == null ? null : Token.resting(scope).ownExecution(), scopeNodeId);
    }
    startEventSubProcess(run, scope, node, null, null);
    return true;
  }

  /** Runs a {@code timer-start-event-subprocess} job: the timer starts its event sub-process. */
  void fireEventSubProcessTimer(Handle handle, Job job) {
    Run run = resume(handle, job).orElse(null);
    if (run == null) {
      return;
    }
    FlowNode node = run.process.model().eventSubProcessStartedAt(job.activityId());
    if (node == null) {
      throw new ProcessEngineException(
          "Activity '" + job.activityId() + "' of job " + job.id() + " does not start an event sub-process");
    }
    NodeKind.EventSubProcess sub = (NodeKind.EventSubProcess) node.kind();
    String executionId = job.executionId() == null ? run.instance.id() : job.executionId();
    if (triggerEventSubProcess(run, node, executionId)
        && BoundaryTimerCycles.repeats(sub.interrupting(), sub.timer())) {
      String configuration = BoundaryTimerCycles.next(job.handlerConfig());
      if (configuration != null) {
        Token scopeToken = new Token(executionId, true);
        jobs.insertEventSubProcessTimer(
            run,
            job.executionId(),
            run.process.model().node(sub.startEventId()),
            nextFiring(run, scopeToken, sub.timer(), job),
            configuration);
      }
    }
    finish(run);
  }

  /** The timer's text, or the value of its expression. */
  private Object timerValue(Run run, Token token, TimerDefinition timer) {
    String text = timer.expression();
    return Expressions.isExpression(text)
        ? parameters.expressions().evaluate(text, facade(run, token))
        : text;
  }

  /**
   * A terminate end event ends the instance: every other token is removed with its jobs, external
   * task and subscriptions (the activities they wait in end as cancelled), and work queued for
   * tokens in flight is dropped.
   */
  private void terminateOthers(Run run, Token token) {
    List<ExecutionRow> others;
    if (token.scope == null) {
      run.agenda.clear();
      others =
          executions.findByInstance(run.handle, run.instance.id()).stream()
              .filter(row -> row.parentId() == null)
              .toList();
    } else {
      // inside a sub-process only that sub-process ends (then it completes as usual)
      run.cancelScope(token.scope.executionId);
      others = executions.findChildren(run.handle, token.scope.executionId);
    }
    for (ExecutionRow row : others) {
      if (!row.id().equals(token.id)) {
        removeResting(run, row);
      }
    }
  }

  /**
   * Removes a resting token: the activity it waits in is interrupted (with everything inside, for
   * a sub-process); async and join tokens only lose their jobs (their activity has not started or
   * has already ended).
   */
  private void removeResting(Run run, ExecutionRow row) {
    Token other = resting(run, row);
    if (row.state() == ExecutionState.WAITING || row.state() == ExecutionState.BODY) {
      interrupt(run, other);
    } else {
      deleteJobsOf(run, other);
      if (row.state() == ExecutionState.JOIN) {
        endActivity(run, other, true);
      }
    }
    run.endedPaths.add(row.id());
    executions.deleteExecution(run.handle, row.id());
  }

  /** Removes every token inside a scope execution and drops the queued work of those on the way. */
  private void cancelInside(Run run, String scopeId) {
    List<ExecutionRow> children = executions.findChildren(run.handle, scopeId);
    loopVariables.instancesCancelled(run, scopeId, children);
    for (ExecutionRow row : children) {
      removeResting(run, row);
    }
    run.cancelScope(scopeId);
  }

  /** Subscribes a resting token to the message or signal boundary events of its activity. */
  private void armBoundaryTriggers(Run run, Token token, FlowNode node) {
    if (token.miInstance) {
      return;
    }
    for (FlowNode boundary : run.process.model().triggerBoundariesOf(node.id())) {
      subscribe(run, token, boundary, ((NodeKind.BoundaryTriggerEvent) boundary.kind()).trigger());
    }
  }

  private void subscribe(Run run, Token token, FlowNode node, EventTrigger trigger) {
    subscribe(run, token, token.ownExecution(), node, trigger);
  }

  /** @param executionId the subscribing token; null for the process scope of the instance */
  private void subscribe(Run run, Token token, String executionId, FlowNode node, EventTrigger trigger) {
    String name = trigger.name();
    if (Expressions.isExpression(name)) {
      name = String.valueOf(parameters.expressions().evaluate(name, facade(run, token)));
    }
    subscriptions.subscribeExecution(
        run.handle,
        trigger.type().subscriptionType(),
        name,
        executionId,
        run.instance.id(),
        node.id(),
        run.process.definitionId(),
        run.instance.tenantId());
    if (trigger.type() == EventTrigger.Type.CONDITIONAL) {
      // Camunda evaluates a conditional event's condition when its scope is entered
      run.conditionsSubscribedAt.put(executionId + "/" + node.id(), run.variableChanges.size());
      run.agenda.add(
          () ->
              subscriptions.findConditional(run.handle, run.instance.id()).stream()
                  .filter(
                      s ->
                          s.activityId().equals(node.id())
                              && java.util.Objects.equals(s.executionId(), executionId))
                  .forEach(s -> fireIfTrue(run, s)));
    }
  }

  /**
   * Variables of an instance changed outside a run (the variable API): its conditional events
   * whose condition now holds take their tokens, in this transaction.
   */
  void variablesChanged(Handle handle, String processInstanceId, List<VariableChange> changes) {
    if (subscriptions.findConditional(handle, processInstanceId).isEmpty()) {
      return;
    }
    Run run = waitingRun(handle, processInstanceId);
    run.variableChanges.addAll(changes);
    finish(run);
  }

  /**
   * Offers the variable changes of this call to the instance's conditional events: each whose
   * variable filters pass and whose condition holds takes its token, as a message would.
   *
   * @return whether one did (its work is queued)
   */
  private boolean triggerConditions(Run run) {
    if (run.variableChanges.isEmpty() || run.removed || run.ended) {
      run.variableChanges.clear();
      run.conditionsSubscribedAt.clear();
      return false;
    }
    List<VariableChange> changes = List.copyOf(run.variableChanges);
    Map<String, Integer> subscribedAt = Map.copyOf(run.conditionsSubscribedAt);
    run.variableChanges.clear();
    run.conditionsSubscribedAt.clear();
    boolean triggered = false;
    for (EventSubscription s : subscriptions.findConditional(run.handle, run.instance.id())) {
      int from = subscribedAt.getOrDefault(s.executionId() + "/" + s.activityId(), 0);
      List<VariableChange> seen = changes.subList(Math.min(from, changes.size()), changes.size());
      if (ConditionalEvents.reactsTo(run.process.model(), s, seen) && fireIfTrue(run, s)) {
        triggered = true;
      }
    }
    return triggered;
  }

  /** Delivers a conditional subscription whose condition holds; false when gone or false. */
  private boolean fireIfTrue(Run run, EventSubscription subscription) {
    if (subscriptions.findById(run.handle, subscription.id()).isEmpty()
        || !conditionalEvents.holds(run.process.model(), subscription, conditionScope(run, subscription))) {
      return false;
    }
    receive(run, subscription, Map.of(), Map.of());
    return true;
  }

  /** The variables a condition sees: its subscribed token's, or the process variables. */
  private VariableSource conditionScope(Run run, EventSubscription subscription) {
    return executions
        .findExecution(run.handle, rowIdOf(run, subscription.executionId()))
        .<VariableSource>map(row -> facade(run, resting(run, row)))
        .orElseGet(
            () ->
                name ->
                    run.variables().containsKey(name)
                        ? Optional.of(
                            run.variables().get(name) == null
                                ? VariableSource.NULL
                                : run.variables().get(name))
                        : Optional.empty());
  }

  /** Whether a token resting in this node holds event subscriptions. */
  private static boolean subscribes(ProcessModel model, FlowNode node) {
    return node.kind() instanceof NodeKind.EventCatchEvent
        || node.kind() instanceof NodeKind.ReceiveTask
        || !model.triggerBoundariesOf(node.id()).isEmpty();
  }

  private Instant dueDate(Run run, Token token, TimerDefinition timer) {
    Object value = timerValue(run, token, timer);
    return TimerSchedule.dueDate(timer.type(), value, now(), clock.getZone())
        .truncatedTo(ChronoUnit.MILLIS);
  }

  /** Runs the element's execution listeners for the event, in document order. */
  private void notifyListeners(Run run, Token token, String elementId, String event) {
    for (ExecutionListener listener : run.process.model().listeners(elementId, event)) {
      serviceTasks.execute(listener.implementation(), facade(run, token));
    }
  }

  // ------------------------------------------------------------------ variables and history

  private void applyInputs(Run run, Token token, IoMapping mapping) {
    if (token.miInstance) {
      restoreInstanceLocals(run, token);
    }
    for (IoMapping.Parameter input : mapping.inputs()) {
      token.locals.put(input.name(), parameters.value(input.value(), facade(run, token)));
    }
  }

  private void applyOutputs(Run run, Token token, IoMapping mapping) {
    for (IoMapping.Parameter output : mapping.outputs()) {
      run.setVariable(output.name(), parameters.value(output.value(), facade(run, token)));
    }
  }

  private void startActivity(Run run, Token token, FlowNode node) {
    String id = ids.next();
    history.activityStarted(
        run.handle,
        new ActivityStart(
            id, run.instance, parents.of(run, token), token.ownExecution(), node.id(), node.name(),
            node.activityType(), now()));
    token.activityInstanceId = id;
  }

  private void endActivity(Run run, Token token, boolean canceled) {
    if (token.activityInstanceId != null) {
      history.activityEnded(run.handle, token.activityInstanceId, now(), canceled);
      run.scopeVariables.activityEnded(run, token);
    }
  }

  // ------------------------------------------------------------------ plumbing

  private void finish(Run run) {
    do {
      run.runAgenda();
    } while (activateInclusiveJoins(run) || completeScopes(run) || triggerConditions(run));
    if (run.removed) {
      return;
    }
    List<ExecutionRow> rows = executions.findByInstance(run.handle, run.instance.id());
    if (rows.isEmpty()) {
      completeInstance(run);
    } else if (!run.ended) {
      concurrentExecutions.compact(run, rows);
    }
    jobs.deleteOfEndedExecutions(run.handle);
  }

  /**
   * Completes the sub-processes whose last inner token ended in this call: the scope execution
   * leaves the sub-process. Called when the run's work is done, so every token rests.
   *
   * @return whether a sub-process completed (its token's work is queued)
   */
  private boolean completeScopes(Run run) {
    if (run.scopesToCheck.isEmpty()) {
      return false;
    }
    List<String> candidates = List.copyOf(run.scopesToCheck);
    run.scopesToCheck.clear();
    boolean completed = false;
    for (String scopeId : candidates) {
      ExecutionRow row = executions.findExecution(run.handle, scopeId).orElse(null);
      if (row != null
          && row.state() == ExecutionState.BODY
          && !executions.hasChildren(run.handle, scopeId)) {
        Token body = resting(run, row);
        FlowNode node = run.process.model().node(row.activityId());
        run.agenda.add(() -> leaveBody(run, body, node));
        completed = true;
        continue;
      }
      if (row == null
          || row.state() != ExecutionState.WAITING
          || !run.process.model().isScope(row.activityId())
          || executions.hasChildren(run.handle, scopeId)) {
        continue;
      }
      Token scope = resting(run, row);
      FlowNode node = run.process.model().node(row.activityId());
      run.agenda.add(() -> leave(run, scope, node));
      completed = true;
    }
    return completed;
  }

  private void completeInstance(Run run) {
    String id = run.instance.id();
    Token instanceToken = new Token(id, false);
    instanceToken.activityId = run.lastEndActivityId;
    notifyListeners(run, instanceToken, run.process.model().key(), ExecutionListener.END);
    Runnable backToCaller =
        run.instance.superProcessInstanceId() == null ? null : returnToCaller(run, instanceToken);
    jobs.deleteForInstance(run.handle, id, run.currentJobId);
    // the instance's variables (and their bytes) go with its row: ON DELETE CASCADE
    executions.deleteInstance(run.handle, id);
    history.instanceCompleted(run.handle, id, run.instance.startTime(), now(), run.lastEndActivityId);
    run.ended = true;
    if (backToCaller != null) {
      backToCaller.run();
    }
  }

  /**
   * Locks the job's instance and prepares the run; empty when the job vanished while we waited for
   * the lock (the token moved on in another transaction and removed it), so there is nothing to do.
   * An exclusive job needs no second look: the job runner locked the instance before reading it.
   */
  private Optional<Run> resume(Handle handle, Job job) {
    RuntimeProcessInstance instance =
        TransactionLocal.take(handle, RuntimeProcessInstance.class, job.processInstanceId())
            .orElseGet(() -> lockInstance(handle, job.processInstanceId()));
    if (!job.exclusive() && !jobs.exists(handle, job.id())) {
      return Optional.empty();
    }
    Run run = newRun(handle, processOfInstance(handle, instance), instance, job.id());
    if (job.executionId() != null) {
      run.jobExecution =
          TransactionLocal.take(handle, ExecutionRow.class, job.executionId()).orElse(null);
    }
    return Optional.of(run);
  }

  /**
   * The job runner's read of an exclusive job under its instance's lock: the job's execution row
   * comes with it and is kept for {@link #resume}, which would otherwise read it next.
   */
  Optional<Job> readLockedJob(Handle handle, String jobId, Jobs jobStore) {
    return executions.findJobWithExecution(
        handle,
        jobId,
        jobStore,
        row -> TransactionLocal.put(handle, ExecutionRow.class, row.id(), row));
  }

  /**
   * The job runner's lock of an exclusive job's instance: the row read under the lock is kept for
   * {@link #resume}, which would otherwise read it again. A missing instance is left to the job
   * read that follows (the job went with it).
   */
  void lockForJob(Handle handle, String processInstanceId) {
    instances
        .lock(handle, processInstanceId)
        .ifPresent(
            row -> TransactionLocal.put(handle, RuntimeProcessInstance.class, processInstanceId, row));
  }

  // ------------------------------------------------------------------ multi-instance

  /**
   * A token reaches a multi-instance activity: it rests at the activity's body (history {@code
   * …#multiInstanceBody}), which holds the boundary events and counts the instances; the
   * instances start all at once (parallel) or the first of them (sequential).
   */
  private void executeBody(
      Run run, Token token, FlowNode node, dev.tern.engine.deployment.model.MultiInstance loop) {
    scopeExecutions.enterBody(run, token);
    String bodyInstanceId = ids.next();
    history.activityStarted(
        run.handle,
        new ActivityStart(
            bodyInstanceId,
            run.instance,
            parents.of(run, token),
            token.id,
            dev.tern.engine.deployment.model.MultiInstance.bodyId(node.id()),
            node.name(),
            "multiInstanceBody",
            now()));
    token.activityInstanceId = bodyInstanceId;
    int instances = instanceCount(run, token, loop);
    token.body = true;
    park(run, token, node, ExecutionState.BODY);
    armBoundaryTimers(run, token, node);
    armBoundaryTriggers(run, token, node);
    if (instances == 0) {
      leaveBody(run, token, node);
      return;
    }
    loopVariables.bodyStarted(run, token, instances, loop.sequential());
    List<Object> elements = elements(run, token, loop);
    if (loop.sequential()) {
      loopVariables.sequentialInstanceStarted(run, token, 0, loop.elementVariable(), elements);
      startMultiInstance(run, newInstance(run, token, node, loop, 0, elements), node, loop);
      return;
    }
    List<Token> started = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      started.add(newInstance(run, token, node, loop, i, elements));
    }
    loopVariables.parallelInstancesStarted(run, token, started, loop.elementVariable(), elements);
    started.forEach(instance -> startMultiInstance(run, instance, node, loop));
  }

  /** The elements of a loop over a collection with an element variable; null for other loops. */
  private List<Object> elements(
      Run run, Token body, dev.tern.engine.deployment.model.MultiInstance loop) {
    return loop.elementVariable() != null && loop.collection() != null
        ? collection(run, body, loop)
        : null;
  }

  private Token newInstance(
      Run run,
      Token body,
      FlowNode node,
      dev.tern.engine.deployment.model.MultiInstance loop,
      int loopCounter,
      List<Object> elements) {
    Token instance = new Token(ids.next(), false);
    instance.scope = run.scope(body.id);
    instance.miInstance = true;
    instance.loopCounter = loopCounter;
    instance.activityId = node.id();
    instance.locals.put(MultiInstanceVariables.LOOP_COUNTER, loopCounter);
    if (elements != null) {
      instance.locals.put(loop.elementVariable(), elements.get(loopCounter));
    }
    return instance;
  }

  private void startMultiInstance(
      Run run, Token instance, FlowNode node, dev.tern.engine.deployment.model.MultiInstance loop) {
    if (loop.inner().asyncBefore()) {
      park(run, instance, node, ExecutionState.ASYNC);
      jobs.insertAsync(run, instance, node, RuntimeJobs.ASYNC_BEFORE);
      return;
    }
    run.agenda.add(() -> execute(run, instance, node));
  }

  /**
   * An instance of a multi-instance activity completed: the body counts it, then ends (all done,
   * or the completion condition holds: the other instances are cancelled) or, sequentially,
   * starts the next instance.
   */
  private void completeMultiInstance(Run run, Token instance, FlowNode node) {
    dev.tern.engine.deployment.model.MultiInstance loop =
        run.process.model().multiInstanceOf(node.id());
    String bodyId = instance.scopeId();
    if (instance.persisted) {
      jobs.deleteForExecution(run.handle, instance.id, run.currentJobId);
      executions.deleteExecution(run.handle, instance.id);
      instance.persisted = false;
    }
    Token body = resting(run, executions.findExecution(run.handle, bodyId).orElseThrow());
    int[] counts = loopVariables.instanceCompleted(run, body, instance, loop.sequential());
    int completed = counts[1];
    boolean done =
        completed >= counts[0]
            || (loop.completionCondition() != null
                && isTrue(run, instance, loop.completionCondition(), node.id()));
    if (done) {
      cancelInside(run, bodyId);
      leaveBody(run, body, node);
      return;
    }
    if (loop.sequential()) {
      List<Object> elements = elements(run, body, loop);
      loopVariables.sequentialInstanceStarted(
          run, body, completed, loop.elementVariable(), elements);
      startMultiInstance(run, newInstance(run, body, node, loop, completed, elements), node, loop);
    }
  }

  /** The body ends: its boundary events go, and the token leaves the activity. */
  private void leaveBody(Run run, Token body, FlowNode node) {
    endActivity(run, body, false);
    run.scopeVariables.end(run, body);
    if (body.timersArmed) {
      jobs.deleteBoundaryTimers(run.handle, body.id, run.currentJobId);
      body.timersArmed = false;
    }
    if (body.persisted && subscribes(run.process.model(), node)) {
      subscriptions.deleteForExecution(run.handle, body.id);
    }
    body.body = false;
    body.locals.clear();
    scopeExecutions.exit(run, body);
    if (node.continuation().asyncAfter()) {
      park(run, body, node, ExecutionState.ASYNC);
      jobs.insertAsync(run, body, node, RuntimeJobs.ASYNC_AFTER);
      return;
    }
    take(run, body, node, selectFlows(run, body, node));
  }

  /**
   * The instance's loop counter and element when it continues in a later call (its counts are
   * the body's stored variables, read through its scope); the element is taken from the
   * collection again, so it keeps its type (a map stays a map).
   */
  private void restoreInstanceLocals(Run run, Token instance) {
    if (instance.locals.containsKey(MultiInstanceVariables.LOOP_COUNTER)) {
      return;
    }
    dev.tern.engine.deployment.model.MultiInstance loop =
        run.process.model().multiInstanceOf(instance.activityId);
    instance.locals.put(MultiInstanceVariables.LOOP_COUNTER, instance.loopCounter);
    if (loop.elementVariable() != null && loop.collection() != null) {
      List<Object> elements = collection(run, instance, loop);
      if (instance.loopCounter < elements.size()) {
        instance.locals.put(loop.elementVariable(), elements.get(instance.loopCounter));
      }
    }
  }

  private int instanceCount(
      Run run, Token token, dev.tern.engine.deployment.model.MultiInstance loop) {
    if (loop.loopCardinality() == null) {
      return collection(run, token, loop).size();
    }
    String text = loop.loopCardinality();
    Object value =
        Expressions.isExpression(text)
            ? parameters.expressions().evaluate(text, facade(run, token))
            : text.trim();
    int count;
    try {
      count = value instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(value));
    } catch (NumberFormatException e) {
      throw new ProcessEngineException(
          "Could not resolve loopCardinality expression '" + text + "': not a number: " + value);
    }
    if (count < 0) {
      throw new ProcessEngineException(
          "Invalid number of instances: must be non-negative integer value, but was " + count);
    }
    return count;
  }

  /** The collection of a multi-instance loop: an expression's value or a variable's. */
  private List<Object> collection(
      Run run, Token token, dev.tern.engine.deployment.model.MultiInstance loop) {
    String text = loop.collection();
    Object value =
        Expressions.isExpression(text)
            ? parameters.expressions().evaluate(text, facade(run, token))
            : facade(run, token).getVariable(text);
    if (value instanceof java.util.Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    if (value instanceof String json && json.trim().startsWith("[")) {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(json, new com.fasterxml.jackson.core.type.TypeReference<List<Object>>() {});
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        // not a JSON array after all: reported below
      }
    }
    throw new ProcessEngineException(
        "ENGINE-02010 Collection '" + text + "' of multi-instance activity '" + token.activityId
            + "' did not resolve to a Collection: " + (value == null ? "null" : value.getClass().getName()));
  }

  private boolean isTrue(Run run, Token token, String expression, String activityId) {
    Object value = parameters.expressions().evaluate(expression, facade(run, token));
    if (value instanceof Boolean result) {
      return result;
    }
    throw new ProcessEngineException(
        "completionCondition of '" + activityId + "' returns non-Boolean: " + value);
  }

  // ------------------------------------------------------------------ call activities

  /** The token of a calling instance that waits in the call activity which started an instance. */
  private record CallerToken(Run run, ExecutionRow row) {}

  /**
   * Starts the called process: the {@code camunda:in} variables and business key are evaluated
   * with the calling token, the called instance knows the token as its super execution.
   */
  private void callProcess(Run run, Token token, NodeKind.CallActivity call) {
    DeployedProcess called =
        processes
            .findCalled(
                run.handle,
                call.calledElement(),
                call.binding(),
                call.version(),
                call.versionTag(),
                run.process)
            .orElseThrow(() -> calledNotFound(run, call));
    Map<String, Object> variables = inputs(run, token, call.ins());
    String businessKey = businessKey(run, token, call.businessKey());
    String startEventId = called.model().startEventId();
    if (startEventId == null) {
      throw new ProcessEngineException(
          "Process definition with id '"
              + called.definitionId()
              + "' called by '"
              + token.activityId
              + "' has no none start event");
    }
    String callInstanceId = token.activityInstanceId;
    ProcessInstance calledInstance =
        start(run.handle, called, businessKey, variables, Map.of(), startEventId, run, token.id);
    history.activityCalled(run.handle, callInstanceId, calledInstance.id());
  }

  /** The {@code camunda:in} variables of a call activity or a thrown signal, evaluated with the token. */
  private Map<String, Object> inputs(
      Run run, Token token, List<dev.tern.engine.deployment.model.VariableMapping> ins) {
    ExecutionFacade facade = facade(run, token);
    Map<String, Object> variables = new java.util.LinkedHashMap<>();
    for (dev.tern.engine.deployment.model.VariableMapping in : ins) {
      Map<String, Object> visible = new java.util.LinkedHashMap<>();
      if (!in.local()) {
        visible.putAll(run.variables());
      }
      visible.putAll(token.locals);
      copy(in, visible, facade, variables);
    }
    return variables;
  }

  /** A {@code camunda:in businessKey} expression evaluated with the token; null stays null. */
  private String businessKey(Run run, Token token, String expression) {
    Object value =
        expression == null ? null : parameters.expressions().evaluate(expression, facade(run, token));
    return value == null ? null : String.valueOf(value);
  }

  private ProcessEngineException calledNotFound(Run run, NodeKind.CallActivity call) {
    String detail =
        switch (call.binding()) {
          case "version" -> " and version '" + call.version() + "'";
          case "versionTag" -> " and versionTag '" + call.versionTag() + "'";
          case "deployment" -> " in deployment '" + run.process.deploymentId() + "'";
          default -> "";
        };
    return new ProcessEngineException(
        "NullValueException",
        "no processes deployed with key '"
            + call.calledElement()
            + "'"
            + detail
            + (run.instance.tenantId() == null ? "" : " and tenant-id '" + run.instance.tenantId() + "'")
            + ": processDefinition is null");
  }

  /** One {@code camunda:in} / {@code camunda:out}: copies the variable(s) it names. */
  private void copy(
      dev.tern.engine.deployment.model.VariableMapping mapping,
      Map<String, Object> visible,
      ExecutionFacade facade,
      Map<String, Object> into) {
    if (mapping.all()) {
      into.putAll(visible);
    } else if (mapping.source() != null) {
      into.put(mapping.target(), visible.get(mapping.source()));
    } else {
      into.put(mapping.target(), parameters.expressions().evaluate(mapping.sourceExpression(), facade));
    }
  }

  /**
   * The called instance completed: its {@code camunda:out} variables are evaluated now (before its
   * variables go); the returned work moves the calling token on, in the caller's run.
   */
  private Runnable returnToCaller(Run run, Token instanceToken) {
    CallerToken caller = callerOf(run).orElse(null);
    if (caller == null) {
      return null;
    }
    FlowNode node = caller.run().process.model().node(caller.row().activityId());
    NodeKind.CallActivity call = (NodeKind.CallActivity) node.kind();
    ExecutionFacade facade = facade(run, instanceToken);
    Map<String, Object> outs = new java.util.LinkedHashMap<>();
    Map<String, Object> localOuts = new java.util.LinkedHashMap<>();
    for (dev.tern.engine.deployment.model.VariableMapping out : call.outs()) {
      copy(out, run.variables(), facade, out.local() ? localOuts : outs);
    }
    return () ->
        continueCaller(
            run,
            caller,
            () -> {
              Token token = resting(caller.run(), caller.row());
              applyInputs(caller.run(), token, node.ioMapping());
              token.locals.putAll(localOuts);
              caller.run().setVariables(outs);
              leave(caller.run(), token, node);
            });
  }

  /**
   * Runs work for the calling token: queued in the caller's run when the caller is still in this
   * call (the called instance ended in the call that started it), else in a run of its own.
   */
  private void continueCaller(Run called, CallerToken caller, Runnable work) {
    if (called.callerRun == caller.run()) {
      caller.run().agenda.add(work);
    } else {
      work.run();
      finish(caller.run());
    }
  }

  /**
   * The calling token of a called instance, waiting in its call activity (its instance locked);
   * empty when the instance was not called or the token no longer waits there.
   */
  private Optional<CallerToken> callerOf(Run run) {
    if (run.instance.superProcessInstanceId() == null) {
      return Optional.empty();
    }
    Run callerRun = run.callerRun;
    String superExecutionId = run.superExecutionId;
    if (callerRun == null) {
      superExecutionId = executions.findSuperExecution(run.handle, run.instance.id()).orElse(null);
      if (superExecutionId == null) {
        return Optional.empty();
      }
      callerRun = waitingRun(run.handle, run.instance.superProcessInstanceId());
      run.callerRun = null;
    }
    Run finalRun = callerRun;
    return executions
        .findExecution(run.handle, superExecutionId)
        .filter(row -> row.state() == ExecutionState.WAITING)
        .filter(row -> finalRun.process.model().isCallActivity(row.activityId()))
        .map(row -> new CallerToken(finalRun, row));
  }

  private Run waitingRun(Handle handle, String processInstanceId) {
    RuntimeProcessInstance instance = lockInstance(handle, processInstanceId);
    return newRun(handle, process(handle, instance), instance, null);
  }

  private Token waitingToken(Run run, String executionId) {
    ExecutionRow row =
        executions
            .findExecution(run.handle, executionId)
            .filter(e -> e.state() == ExecutionState.WAITING || e.state() == ExecutionState.BODY)
            .orElseThrow(
                () -> new NotFoundException("Cannot find execution with id " + executionId));
    return resting(run, row);
  }

  private Token restingToken(Run run, Job job) {
    ExecutionRow kept = run.jobExecution;
    run.jobExecution = null;
    return resting(
        run,
        kept != null && kept.id().equals(job.executionId())
            ? kept
            : restingRow(run, job.executionId(), job));
  }

  private ExecutionRow restingRow(Run run, String executionId, Job job) {
    return executions
        .findExecution(run.handle, executionId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Execution '" + job.executionId() + "' of job " + job.id() + " does not exist"));
  }

  /**
   * The row an event addressed to a scope (a sub-process's boundary or event sub-process) reaches:
   * the sub-process whose scope execution the id is, else the execution's own row.
   */
  private String rowIdOf(Run run, String executionId) {
    return executions
        .findByScopeExecution(run.handle, executionId)
        .map(ExecutionRow::id)
        .orElse(executionId);
  }

  private static Token resting(Run run, ExecutionRow row) {
    Token token = Token.resting(row);
    token.scope = run.scope(row.parentId());
    // an activity arms its boundary timers when it starts, after an async-before continuation
    token.timersArmed =
        row.state() != ExecutionState.ASYNC
            && !run.process.model().boundaryEventsOf(row.activityId()).isEmpty();
    if (row.state() == ExecutionState.BODY) {
      token.body = true;
    } else if (row.loopCounter() != null) {
      token.miInstance = true;
      token.loopCounter = row.loopCounter();
      token.timersArmed = false; // the body holds the boundary events
    }
    return token;
  }

  private RuntimeProcessInstance lockInstance(Handle handle, String processInstanceId) {
    return instances
        .lock(handle, processInstanceId)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Process instance with id '" + processInstanceId + "' does not exist"));
  }

  private DeployedProcess process(Handle handle, RuntimeProcessInstance instance) {
    return processes
        .findById(handle, instance.processDefinitionId())
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Process definition with id '" + instance.processDefinitionId() + "' does not exist"));
  }

  /** The definition a job of a running instance continues: cached, see {@link DeployedProcesses#findForInstance}. */
  private DeployedProcess processOfInstance(Handle handle, RuntimeProcessInstance instance) {
    return processes
        .findForInstance(handle, instance.processDefinitionId())
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Process definition with id '" + instance.processDefinitionId() + "' does not exist"));
  }

  private Run newRun(Handle handle, DeployedProcess process, RuntimeProcessInstance instance, String jobId) {
    Run run =
        new Run(handle, process, instance, jobId, variables, jobDefinitions::findByProcessDefinition);
    run.scopeLoader = scope -> loadScope(run, scope);
    return run;
  }

  /**
   * Loads a scope's own variables (an instance of a multi-instance sub-process has its loop
   * counter, element and counts) and its enclosing scope from the execution rows.
   */
  private void loadScope(Run run, Scope scope) {
    ExecutionRow row = executions.findExecution(run.handle, scope.executionId).orElse(null);
    scope.locals = Map.of();
    if (row == null) {
      return;
    }
    scope.parent = run.scope(row.parentId());
    if (row.loopCounter() != null) {
      Token instance = resting(run, row);
      restoreInstanceLocals(run, instance);
      scope.locals = new java.util.HashMap<>(instance.locals);
    }
    run.scopeVariables.load(run, scope, row);
  }



  private ExecutionFacade facade(Run run, Token token) {
    return new ExecutionFacade(run, token, beans);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
