package dev.tern.rest.story;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The downstream order service of the outage story, on 127.0.0.1: while down it answers 503, when
 * up it answers 200 and counts the successful calls per order. Public for the story test of the
 * generated Camunda client (module compat-client).
 */
public final class DownstreamStub implements AutoCloseable {

  private final HttpServer server;
  private volatile boolean up;
  private final AtomicInteger failedCalls = new AtomicInteger();
  private final Map<String, AtomicInteger> successfulCallsByOrder = new ConcurrentHashMap<>();

  private DownstreamStub(HttpServer server) {
    this.server = server;
  }

  public static DownstreamStub startDown() throws IOException {
    // No Nagle: the JDK server's separate header and body writes would cost ~40 ms per call.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    DownstreamStub stub = new DownstreamStub(server);
    server.createContext(
        "/orders/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String orderId = exchange.getRequestURI().getPath().substring("/orders/".length());
          if (stub.up) {
            stub.successfulCallsByOrder
                .computeIfAbsent(orderId, k -> new AtomicInteger())
                .incrementAndGet();
            byte[] body = "{\"accepted\":true}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          } else {
            stub.failedCalls.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
          }
          exchange.close();
        });
    server.start();
    return stub;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void bringUp() {
    up = true;
  }

  public int failedCalls() {
    return failedCalls.get();
  }

  public int successfulCalls(String orderId) {
    AtomicInteger calls = successfulCallsByOrder.get(orderId);
    return calls == null ? 0 : calls.get();
  }

  public Set<String> ordersCalledSuccessfully() {
    return successfulCallsByOrder.keySet();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
