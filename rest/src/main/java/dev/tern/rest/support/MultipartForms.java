package dev.tern.rest.support;

import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a multipart form under the server's limits (see {@code Uploads}) and turns the parser's
 * refusals into Camunda-format client errors: too large 413, too many parts or malformed 400.
 */
public final class MultipartForms {

  private MultipartForms() {}

  /** 415 unless the request declares a multipart form. */
  public static void requireMultipart(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
      throw RestException.unsupportedMediaType();
    }
  }

  public static Collection<Part> parts(Context ctx) {
    try {
      ctx.uploadedFileMap(); // lets Javalin apply its multipart configuration
      return ctx.req().getParts();
    } catch (Exception e) {
      throw translate(e);
    }
  }

  /** The parts of the form by name (the last of several with one name). */
  public static Map<String, Part> byName(Context ctx) {
    requireMultipart(ctx);
    Map<String, Part> parts = new HashMap<>();
    for (Part part : parts(ctx)) {
      parts.put(part.getName(), part);
    }
    return parts;
  }

  public static byte[] bytes(Part part) {
    try (InputStream in = part.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new RestException(
          400, "InvalidRequestException", "The multipart body is malformed: " + e.getMessage());
    }
  }

  /** The part's content as UTF-8 text; null for a missing part. */
  public static String text(Part part) {
    return part == null ? null : new String(bytes(part), StandardCharsets.UTF_8);
  }

  private static RestException translate(Exception e) {
    String innermost = String.valueOf(e.getMessage());
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("too many keys")) {
        return new RestException(
            400, "InvalidRequestException", "The form has more parts than allowed " + bracket(message));
      }
      if (message.contains("max length exceeded") || message.contains("max file size exceeded")) {
        return new RestException(
            413, "InvalidRequestException", "The upload is larger than the limit of " + tail(message) + " bytes");
      }
      innermost = message;
      if (cause.getCause() == cause) {
        break;
      }
    }
    return new RestException(
        400, "InvalidRequestException", "The multipart body is malformed: " + innermost);
  }

  /** {@code [6 > 5]} from Jetty's message. */
  private static String bracket(String message) {
    int open = message.lastIndexOf('[');
    return open < 0 ? "" : message.substring(open);
  }

  private static String tail(String message) {
    return message.substring(message.lastIndexOf(' ') + 1);
  }
}
