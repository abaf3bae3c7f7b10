package dev.tern.bench.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tern.bench.StubServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downstream service of the cluster run, on 127.0.0.1 and a free port. The first call of each
 * path is refused with 503 (so every job fails once); every later call is accepted with 200 and
 * recorded with its time: more than one accepted call for a path is a duplicate effect. Each call
 * takes {@code delay}, so jobs are running (and held) when a fault strikes.
 */
final class CountingStub implements AutoCloseable {

  private static final byte[] UNAVAILABLE = "{\"error\":\"try again\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Duration delay;
  private final Map<String, List<Instant>> accepted = new ConcurrentHashMap<>();
  private final Map<String, Boolean> refused = new ConcurrentHashMap<>();
  private final AtomicLong refusedCalls = new AtomicLong();

  private CountingStub(HttpServer server, ExecutorService executor, Duration delay) {
    this.server = server;
    this.executor = executor;
    this.delay = delay;
  }

  static CountingStub start(Duration delay) {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      ExecutorService executor = Executors.newCachedThreadPool(StubServer.daemonThreads());
      CountingStub stub = new CountingStub(server, executor, delay);
      server.createContext("/", stub::handle);
      server.setExecutor(executor);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the counting stub", e);
    }
  }

  /** For the BPMN: {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Accepted calls by path ({@code callA/<orderId>}), each with the time it was answered. */
  Map<String, List<Instant>> acceptedCalls() {
    return Map.copyOf(accepted);
  }

  long refusedCalls() {
    return refusedCalls.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      pause();
      String path = exchange.getRequestURI().getPath().substring(1);
      boolean first = refused.putIfAbsent(path, Boolean.TRUE) == null;
      if (first) {
        refusedCalls.incrementAndGet();
      } else {
        // recorded before answering: a caller that has its answer must find it counted
        accepted.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(Instant.now());
      }
      byte[] answer = first ? UNAVAILABLE : ACCEPTED;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(first ? 503 : 200, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private void pause() {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
