package dev.tern.rest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.engine.InvalidRequestException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Reads JSON request bodies with errors a client can act on: 415 for a non-JSON content type, 400
 * {@code InvalidRequestException} for malformed JSON, wrong value types, or an array where an
 * object belongs. A missing {@code Content-Type} is accepted as JSON (curl users forget it).
 */
public final class JsonBodies {

  private JsonBodies() {}

  /** The body as {@code type}; 400 if the body is empty. */
  public static <T> T read(Context ctx, Class<T> type) {
    T value = readOrNull(ctx, type);
    if (value == null) {
      throw new InvalidRequestException(
          "The request body is empty; expected " + JsonErrors.describeType(type));
    }
    return value;
  }

  /** The body as {@code type}, or {@code fallback} when the request has no body (or JSON null). */
  public static <T> T readOr(Context ctx, Class<T> type, Supplier<T> fallback) {
    T value = readOrNull(ctx, type);
    return value != null ? value : fallback.get();
  }

  /** The body as {@code type}, or {@code null} when the request has no body (or JSON null). */
  public static <T> T readOrNull(Context ctx, Class<T> type) {
    return readOrNull(ctx, CamundaJson.mapper().constructType(type));
  }

  /** For generic targets such as {@code List<Foo>}. */
  public static <T> T readOrNull(Context ctx, JavaType type) {
    requireJson(ctx);
    String body = ctx.body();
    if (body.isBlank()) {
      return null;
    }
    // Syntax first, binding second: so a syntax error is never reported as a wrong value.
    JsonNode tree;
    try {
      tree = CamundaJson.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(JsonErrors.describe(e, type.getRawClass()));
    }
    if (tree == null || tree.isNull() || tree.isMissingNode()) {
      return null;
    }
    return bind(tree, type);
  }

  /** A body already read as a tree, bound to {@code type} with the same errors as {@link #read}. */
  public static <T> T bind(JsonNode tree, Class<T> type) {
    return bind(tree, CamundaJson.mapper().constructType(type));
  }

  private static <T> T bind(JsonNode tree, JavaType type) {
    try {
      return CamundaJson.mapper().readerFor(type).readValue(tree);
    } catch (IOException e) {
      JsonProcessingException json =
          e instanceof JsonProcessingException p ? p : new JsonMappingException(null, e.getMessage(), e);
      throw new InvalidRequestException(JsonErrors.describe(json, type.getRawClass()));
    }
  }

  /** The body as a JSON object tree, for endpoints that inspect it field by field. */
  public static ObjectNode readObject(Context ctx) {
    JsonNode node = read(ctx, JsonNode.class);
    if (!(node instanceof ObjectNode object)) {
      throw new InvalidRequestException(
          "Invalid request body: expected a JSON object, got " + describe(node));
    }
    return object;
  }

  /** 415 unless the request declares JSON (or declares nothing). */
  public static void requireJson(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType == null || contentType.isBlank()) {
      return;
    }
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
      throw RestException.unsupportedMediaType();
    }
  }

  private static String describe(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
