package org.camunda.bpm.example.delegate;

import dev.tern.engine.runtime.DelegateExecution;
import dev.tern.engine.runtime.JavaDelegate;

/** Stands in for the corpus diagram's delegate of this name (BpmnCorpusTest): does nothing. */
public class ServiceTaskTwoDelegate implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {}
}
