package dev.tern.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class OutageLogTest {

  @Test
  void anOutageIsReportedOnceWhenItStartsAndOnceWhenItEnds() {
    Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    Logger log =
        (Logger)
            Proxy.newProxyInstance(
                Logger.class.getClassLoader(),
                new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                  calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                  return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
                });
    OutageLog outage = new OutageLog(log, "Job acquisition");

    for (int i = 0; i < 50; i++) {
      outage.failed(new IllegalStateException("connection refused"), Duration.ofSeconds(5));
    }
    assertThat(outage.isDown()).isTrue();
    outage.ended();
    outage.ended();

    assertThat(calls.get("warn")).hasValue(1);
    assertThat(calls.get("info")).hasValue(1);
    assertThat(calls.get("debug")).hasValue(49);
    assertThat(outage.isDown()).isFalse();
  }
}
