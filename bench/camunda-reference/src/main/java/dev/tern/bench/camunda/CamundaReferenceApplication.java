package dev.tern.bench.camunda;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.connect.plugin.impl.ConnectProcessEnginePlugin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Camunda 7.24 with its REST API under {@code /engine-rest} and the Connect plugin, otherwise with
 * Camunda's default engine settings: the reference the outage benchmark compares Tern against.
 */
@SpringBootApplication
public class CamundaReferenceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CamundaReferenceApplication.class, args);
  }

  /**
   * The http-connector that the benchmark's BPMN uses ({@code camunda:connector}). The bean name is
   * the starter's own, so its conditional auto-registration steps aside instead of adding it twice.
   */
  @Bean
  ProcessEnginePlugin connectProcessEnginePlugin() {
    return new ConnectProcessEnginePlugin();
  }
}
