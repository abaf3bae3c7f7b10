package dev.tern.bench.cluster;

import dev.tern.bench.EngineRestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the workload's instances at an even pace, round robin over the nodes that are up. Every
 * attempt has its own order id (the business key): an answered start is {@linkplain #started()
 * started}; a start that failed (its node was killed or the database restarted under it) is
 * {@linkplain #uncertain() uncertain}: its instance may or may not exist, and is never retried
 * under the same id.
 */
final class Feeder {

  private final List<TernNode> nodes;
  private final String processKey;
  private final Workload load;
  private final Set<TernNode> down = ConcurrentHashMap.newKeySet();
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private final Set<String> uncertain = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
  private final Map<String, EngineRestClient> clients = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger turn = new AtomicInteger();
  private ExecutorService feeding;
  private long startNanos;

  Feeder(List<TernNode> nodes, String processKey, Workload load) {
    this.nodes = List.copyOf(nodes);
    this.processKey = processKey;
    this.load = load;
    nodes.forEach(node -> perNode.put(node.name(), new AtomicInteger()));
  }

  /** Starts one instance on {@code node} now; returns its id. */
  String startOn(TernNode node, String orderId) {
    String id = clients.computeIfAbsent(node.name(), n -> new EngineRestClient(node.baseUrl())).startOrder(processKey, orderId);
    started.add(orderId);
    perNode.get(node.name()).incrementAndGet();
    return id;
  }

  void start() {
    startNanos = System.nanoTime();
    feeding = Executors.newFixedThreadPool(load.clients());
    for (int c = 0; c < load.clients(); c++) {
      feeding.submit(this::feed);
    }
    feeding.shutdown();
  }

  void markDown(TernNode node) {
    down.add(node);
  }

  void markUp(TernNode node) {
    down.remove(node);
  }

  boolean awaitDone(Duration timeout) throws InterruptedException {
    return feeding.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  Set<String> started() {
    return Set.copyOf(started);
  }

  Set<String> uncertain() {
    return Set.copyOf(uncertain);
  }

  Map<String, Integer> startedPerNode() {
    Map<String, Integer> counts = new java.util.TreeMap<>();
    perNode.forEach((name, count) -> counts.put(name, count.get()));
    return counts;
  }

  private void feed() {
    long interval = load.feedTime().toNanos() / load.instances();
    for (int i = next.getAndIncrement(); i < load.instances(); i = next.getAndIncrement()) {
      Pause.of(Duration.ofNanos(startNanos + i * interval - System.nanoTime()));
      String orderId = "order-" + i;
      TernNode node = nextLiveNode();
      try {
        startOn(node, orderId);
      } catch (RuntimeException e) {
        uncertain.add(orderId);
      }
    }
  }

  private TernNode nextLiveNode() {
    while (true) {
      for (int tries = 0; tries < nodes.size(); tries++) {
        TernNode node = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
        if (!down.contains(node)) {
          return node;
        }
      }
      Pause.of(Duration.ofMillis(50));
    }
  }
}
