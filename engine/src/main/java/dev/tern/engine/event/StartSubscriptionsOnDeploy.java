package dev.tern.engine.event;

import dev.tern.engine.ProcessEngineException;
import dev.tern.engine.deployment.DeploymentService;
import dev.tern.engine.deployment.ProcessDefinition;
import dev.tern.engine.deployment.model.FlowNode;
import dev.tern.engine.deployment.model.NodeKind;
import dev.tern.engine.deployment.model.ProcessModel;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Keeps the start-event subscriptions of the latest version of each process definition, as
 * Camunda does: deploying a new version moves them from the older versions to it, deleting its
 * deployment gives them back to the previous version. A message start
 * event whose name another key's start event already uses (in the same tenant) fails the
 * deployment.
 */
public final class StartSubscriptionsOnDeploy implements DeploymentService.DefinitionListener {

  private final EventSubscriptionStore subscriptions;

  public StartSubscriptionsOnDeploy(EventSubscriptionStore subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void deployed(Handle handle, ProcessDefinition definition, ProcessModel model) {
    subscriptions.deleteStartSubscriptionsOfKey(handle, definition.key(), definition.tenantId());
    subscribe(handle, definition, model, true);
  }

  /** The previous version is the latest again: its start events subscribe anew. */
  @Override
  public void latestAgain(Handle handle, ProcessDefinition definition, ProcessModel model) {
    subscribe(handle, definition, model, false);
  }

  private void subscribe(
      Handle handle, ProcessDefinition definition, ProcessModel model, boolean checkNames) {
    for (FlowNode node : model.eventStartEvents()) {
      NodeKind.EventStartEvent start = (NodeKind.EventStartEvent) node.kind();
      String type = start.trigger().type().subscriptionType();
      String name = start.trigger().name();
      if (checkNames && EventSubscription.MESSAGE.equals(type)) {
        for (EventSubscription other : subscriptions.findStartSubscriptions(handle, type, name)) {
          if (Objects.equals(other.tenantId(), definition.tenantId())) {
            throw new ProcessEngineException(
                "Cannot deploy process definition '"
                    + definition.resourceName()
                    + "': there already is a message event subscription for the message with name '"
                    + name
                    + "'.");
          }
        }
      }
      subscriptions.subscribeStart(
          handle, type, name, node.id(), definition.id(), definition.tenantId());
    }
  }
}
