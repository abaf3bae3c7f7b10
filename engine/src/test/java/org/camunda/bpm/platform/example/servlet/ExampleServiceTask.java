package org.camunda.bpm.platform.example.servlet;

import dev.tern.engine.runtime.DelegateExecution;
import dev.tern.engine.runtime.JavaDelegate;

/** Stands in for the corpus diagram's delegate of this name (BpmnCorpusTest): does nothing. */
public class ExampleServiceTask implements JavaDelegate {
  @Override
  public void execute(DelegateExecution execution) {}
}
