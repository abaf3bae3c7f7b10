package dev.tern.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downstream service of the outage story, on 127.0.0.1 and a free port: while down it answers
 * every request with 503, while up with 200. It counts both kinds of answers.
 */
public final class StubServer implements AutoCloseable {

  private static final byte[] UNAVAILABLE =
      "{\"error\":\"downstream unavailable\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ACCEPTED = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean up = new AtomicBoolean(false);
  private final AtomicLong failedCalls = new AtomicLong();
  private final AtomicLong successfulCalls = new AtomicLong();

  private StubServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts the stub, initially down (answering 503). */
  public static StubServer startDown(int threads) {
    // Like any real HTTP server, answer without Nagle's algorithm: otherwise the JDK server's
    // separate header and body writes wait for the client's delayed ACK, about 40 ms per call,
    // and the benchmark would measure that instead of the engines.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
      ExecutorService executor = Executors.newFixedThreadPool(threads, daemonThreads());
      StubServer stub = new StubServer(server, executor);
      server.createContext("/", stub::handle);
      server.setExecutor(executor);
      server.start();
      return stub;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the stub server", e);
    }
  }

  /** For the BPMN: {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void goUp() {
    up.set(true);
  }

  public void goDown() {
    up.set(false);
  }

  public long failedCalls() {
    return failedCalls.get();
  }

  public long successfulCalls() {
    return successfulCalls.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      boolean answering = up.get();
      byte[] answer = answering ? ACCEPTED : UNAVAILABLE;
      // Counted before answering: a caller that has its answer must see it counted.
      (answering ? successfulCalls : failedCalls).incrementAndGet();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(answering ? 200 : 503, answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Daemon threads for a stub's HTTP server (a stub never keeps the JVM alive). */
  public static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicLong count = new AtomicLong();
    return runnable -> {
      Thread thread = new Thread(runnable, "bench-stub-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
