package org.camunda.bpm.tutorial.multitenancy;

import dev.tern.engine.runtime.DelegateExecution;
import dev.tern.engine.runtime.JavaDelegate;

/** Stands in for the corpus diagram's delegate of this name (BpmnCorpusTest): does nothing. */
public class TenantAwareServiceTask implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {}
}
