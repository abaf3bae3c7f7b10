package dev.tern.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterAuditFaultsTest {

  private static final Instant RESTART_FROM = Instant.parse("2026-01-02T03:04:00Z");
  private static final Instant RESTART_TO = Instant.parse("2026-01-02T03:04:10Z");
  private final ClusterAudit.Faults faults =
      new ClusterAudit.Faults(Set.of("callA/order-1"), Set.of("callB/order-2"), RESTART_FROM, RESTART_TO);

  @Test
  void aDuplicateOfAJobTheKilledOrFrozenNodeHeldIsExplained() {
    List<Instant> calls = List.of(RESTART_TO.plusSeconds(60), RESTART_TO.plusSeconds(61));
    assertThat(faults.explain("callA/order-1", calls)).isTrue();
    assertThat(faults.explain("callB/order-2", calls)).isTrue();
  }

  @Test
  void aDuplicateWithACallAroundTheDatabaseRestartIsExplained() {
    assertThat(faults.explain("callA/order-9", List.of(RESTART_FROM.plusSeconds(1), RESTART_TO.plusSeconds(30)))).isTrue();
  }

  @Test
  void anyOtherDuplicateIsNot() {
    assertThat(faults.explain("callB/order-1", List.of(RESTART_TO.plusSeconds(1), RESTART_TO.plusSeconds(2)))).isFalse();
    assertThat(faults.explain("callA/order-9", List.of(RESTART_FROM.minusSeconds(1), RESTART_FROM.minusSeconds(2)))).isFalse();
  }
}
