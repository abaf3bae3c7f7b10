package dev.tern.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without JavaScript: keeps cookies, follows no redirects, posts forms. */
final class ConsoleClient {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final String origin;
  private final CookieManager cookies;
  private final HttpClient http;

  ConsoleClient(int port) {
    this(port, new CookieManager());
  }

  private ConsoleClient(int port, CookieManager cookies) {
    this.origin = "http://127.0.0.1:" + port;
    this.cookies = cookies;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The same browser talking to another node (as behind a load balancer): same cookies. */
  ConsoleClient onPort(int port) {
    return new ConsoleClient(port, cookies);
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(origin + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form as a browser would from a console page (same-origin {@code Origin} header). */
  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return http.send(
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a multipart form with one file (and the CSRF field unless null), as a browser would. */
  HttpResponse<String> upload(String path, String csrf, String fileName, String content)
      throws IOException, InterruptedException {
    String boundary = "console-test-boundary";
    StringBuilder body = new StringBuilder();
    if (csrf != null) {
      body.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"csrf\"\r\n\r\n")
          .append(csrf)
          .append("\r\n");
    }
    body.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .append(content)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return http.send(
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Origin", origin)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The CSRF token of the first form on a page. */
  static String csrf(HttpResponse<String> page) {
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new AssertionError("No CSRF field on the page: " + page.body());
    }
    return m.group(1);
  }

  /** Signs in as {@code user}; the answer to the sign-in POST. */
  HttpResponse<String> signIn(String user, String password)
      throws IOException, InterruptedException {
    String csrf = csrf(get(ConsoleResource.SIGN_IN));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", csrf);
    form.put("username", user);
    form.put("password", password);
    return post(ConsoleResource.SIGN_IN, form);
  }
}
