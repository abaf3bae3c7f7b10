package dev.tern.engine.runtime.connector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Camunda's {@code http-connector} on {@link HttpClient}. Request parameters: {@code url},
 * {@code method}, {@code headers} (map), {@code payload} (string) and {@code request-config} (map).
 * Response parameters: {@code statusCode} (Integer), {@code response} (body text, null without a
 * body) and {@code headers} (map of name to last value, looked up ignoring case).
 *
 * <p>A request that cannot be sent (connection refused, unknown host, timeout) always fails. An
 * HTTP error status (4xx/5xx) fails only when {@code request-config} holds {@code throw-http-error}
 * = true; a top-level {@code throw-http-error} parameter is ignored, as Camunda ignores it.
 *
 * <p>Bounded: a response body larger than {@link Settings#maxResponseBytes} fails the request
 * instead of filling the heap, and redirects (at most {@value #MAX_REDIRECTS}) are followed only to
 * addresses that are not loopback, link-local (e.g. a cloud's metadata service) or unspecified,
 * unless {@link Settings#redirectsToLocalAddresses} allows them. The first URL is the model's own
 * choice and is not restricted.
 */
public final class HttpConnector {

  public static final String ID = "http-connector";

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> WITH_PAYLOAD = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

  static final int MAX_REDIRECTS = 5;
  private static final Set<String> CREDENTIAL_HEADERS =
      Set.of("authorization", "cookie", "proxy-authorization");

  /**
   * @param maxResponseBytes the largest response body read
   * @param redirectsToLocalAddresses follow redirects to loopback and link-local addresses too
   */
  public record Settings(long maxResponseBytes, boolean redirectsToLocalAddresses) {
    public static Settings defaults() {
      return new Settings(10L * 1024 * 1024, false);
    }
  }

  private final HttpClient client;
  private final Settings settings;

  public HttpConnector() {
    this(Settings.defaults());
  }

  public HttpConnector(Settings settings) {
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Sends the request the parameters describe and returns the response parameters. */
  public Map<String, Object> execute(Map<String, Object> parameters) {
    Map<?, ?> config = mapParameter(parameters, "request-config");
    HttpRequest request = buildRequest(parameters, config);
    Received response;
    try {
      response = sendFollowingRedirects(request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException("HTCL-02007 Unable to execute HTTP request: interrupted", e);
    } catch (IOException e) {
      throw new ConnectorException(
          "HTCL-02007 Unable to execute HTTP request: "
              + describe(e)
              + " ("
              + request.method()
              + " "
              + request.uri()
              + ")",
          e);
    }
    Map<String, Object> result = responseParameters(response);
    if (response.statusCode() >= 400 && isTrue(config.get("throw-http-error"))) {
      throw new ConnectorException(
          "HTCL-02010 HTTP request failed with Status Code: "
              + response.statusCode()
              + " , Response: "
              + result.get("response"));
    }
    return result;
  }

  private Received sendFollowingRedirects(HttpRequest first)
      throws IOException, InterruptedException {
    HttpRequest request = first;
    for (int redirects = 0; ; redirects++) {
      HttpResponse<java.io.InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      java.util.Optional<String> location = response.headers().firstValue("Location");
      if (status < 300 || status > 399 || status == 304 || location.isEmpty()) {
        return read(request, response);
      }
      response.body().close();
      if (redirects == MAX_REDIRECTS) {
        throw new ConnectorException(
            "HTCL-02007 Unable to execute HTTP request: more than " + MAX_REDIRECTS + " redirects");
      }
      URI target = request.uri().resolve(location.get());
      refuseLocalRedirect(target);
      boolean keepsMethod = status == 307 || status == 308;
      HttpRequest.Builder next =
          HttpRequest.newBuilder(target)
              .timeout(request.timeout().orElse(DEFAULT_REQUEST_TIMEOUT))
              .method(
                  keepsMethod ? request.method() : ("HEAD".equals(request.method()) ? "HEAD" : "GET"),
                  keepsMethod
                      ? request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody())
                      : HttpRequest.BodyPublishers.noBody());
      boolean sameHost =
          target.getHost() != null && target.getHost().equalsIgnoreCase(request.uri().getHost());
      request.headers().map().forEach(
          (name, values) -> {
            // credentials stay with the host they were meant for
            if (sameHost || !CREDENTIAL_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
              values.forEach(v -> next.header(name, v));
            }
          });
      request = next.build();
    }
  }

  private void refuseLocalRedirect(URI target) throws java.net.UnknownHostException {
    if (settings.redirectsToLocalAddresses()) {
      return;
    }
    if (target.getHost() == null) {
      throw new ConnectorException("HTCL-02007 Unable to execute HTTP request: redirect without host");
    }
    for (java.net.InetAddress address : java.net.InetAddress.getAllByName(target.getHost())) {
      if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
        throw new ConnectorException(
            "HTCL-02007 Unable to execute HTTP request: refused to follow a redirect to the local"
                + " address "
                + target.getHost());
      }
    }
  }

  /** What came back: the final response's status, headers and body text. */
  private record Received(HttpRequest request, int statusCode, java.net.http.HttpHeaders headers, String body) {}

  /** Reads at most the limit; a longer body fails the request instead of filling the heap. */
  private Received read(HttpRequest request, HttpResponse<java.io.InputStream> response)
      throws IOException {
    long limit = settings.maxResponseBytes();
    try (java.io.InputStream in = response.body()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new ConnectorException(
            "HTCL-02007 Unable to execute HTTP request: the response is larger than "
                + limit
                + " bytes ("
                + request.method()
                + " "
                + request.uri()
                + ")");
      }
      return new Received(
          request, response.statusCode(), response.headers(), new String(bytes, charset(response.headers())));
    }
  }

  private static java.nio.charset.Charset charset(java.net.http.HttpHeaders headers) {
    String type = headers.firstValue("Content-Type").orElse("");
    int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
    if (at >= 0) {
      try {
        return java.nio.charset.Charset.forName(type.substring(at + 8).split(";")[0].trim().replace("\"", ""));
      } catch (RuntimeException e) {
        // an unknown charset falls back to UTF-8
      }
    }
    return java.nio.charset.StandardCharsets.UTF_8;
  }

  private HttpRequest buildRequest(Map<String, Object> parameters, Map<?, ?> config) {
    Object url = parameters.get("url");
    if (url == null || String.valueOf(url).isBlank()) {
      throw new ConnectorException("HTCL-02005 Request url required.");
    }
    Object rawMethod = parameters.get("method");
    String method = rawMethod == null ? null : String.valueOf(rawMethod).trim().toUpperCase(Locale.ROOT);
    if (method == null || !METHODS.contains(method)) {
      throw new ConnectorException("HTCL-02006 Unknown or unsupported HTTP method '" + rawMethod + "'");
    }
    URI uri;
    try {
      uri = URI.create(String.valueOf(url).trim());
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("HTCL-02007 Unable to execute HTTP request: invalid url '" + url + "'", e);
    }
    Object payload = parameters.get("payload");
    HttpRequest.BodyPublisher body =
        payload != null && WITH_PAYLOAD.contains(method)
            ? HttpRequest.BodyPublishers.ofString(String.valueOf(payload))
            : HttpRequest.BodyPublishers.noBody();
    HttpRequest.Builder builder;
    try {
      builder = HttpRequest.newBuilder(uri).method(method, body).timeout(requestTimeout(config));
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("HTCL-02007 Unable to execute HTTP request: invalid url '" + url + "'", e);
    }
    for (Map.Entry<?, ?> header : mapParameter(parameters, "headers").entrySet()) {
      if (header.getKey() != null && header.getValue() != null) {
        try {
          builder.setHeader(String.valueOf(header.getKey()), String.valueOf(header.getValue()));
        } catch (IllegalArgumentException e) {
          throw new ConnectorException(
              "HTCL-02007 Unable to execute HTTP request: header '" + header.getKey() + "' " + e.getMessage(), e);
        }
      }
    }
    return builder.build();
  }

  private static Duration requestTimeout(Map<?, ?> config) {
    Object socketTimeout = config.get("socket-timeout");
    if (socketTimeout != null) {
      try {
        long millis = Long.parseLong(String.valueOf(socketTimeout).trim());
        if (millis > 0) {
          return Duration.ofMillis(millis);
        }
      } catch (NumberFormatException e) {
        throw new ConnectorException(
            "HTCL-02008 Invalid value for request configuration option: socket-timeout", e);
      }
    }
    return DEFAULT_REQUEST_TIMEOUT;
  }

  private static Map<String, Object> responseParameters(Received response) {
    HttpRequest request = response.request();
    // HTTP header names are case-insensitive; so is this map, whatever case the server used
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    response.headers().map().forEach((name, values) -> headers.put(name, lastOf(values)));
    String body = response.body();
    boolean noBody =
        (body == null || body.isEmpty())
            && (response.statusCode() == 204
                || response.statusCode() == 304
                || "HEAD".equals(request.method()));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("statusCode", response.statusCode());
    result.put("response", noBody ? null : body);
    result.put("headers", headers);
    return result;
  }

  private static String lastOf(List<String> values) {
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  private static Map<?, ?> mapParameter(Map<String, Object> parameters, String name) {
    Object value = parameters.get(name);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw new ConnectorException(
        "HTCL-02007 Unable to execute HTTP request: input parameter '" + name + "' must be a map");
  }

  private static boolean isTrue(Object value) {
    return value instanceof Boolean b ? b : value != null && "true".equalsIgnoreCase(String.valueOf(value).trim());
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (e instanceof java.net.ConnectException) {
      return message == null || message.isBlank() ? "Connection refused" : message;
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "timed out" + (message == null ? "" : " (" + message + ")");
    }
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
