package dev.tern.rest.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tern.engine.InvalidRequestException;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.ValueType;
import dev.tern.rest.support.CamundaJson;
import dev.tern.rest.support.MultipartForms;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The binary side of variables, as Camunda's {@code …/data} routes have it: downloading a Bytes
 * value (an octet stream) or a File (its MIME type, encoding and file name), and uploading one as
 * a multipart form with the parts {@code data}, {@code valueType} ({@code Bytes}, the default, or
 * {@code File}) or {@code type} (an Object's type name, {@code data} then being its JSON).
 */
final class BinaryVariables {

  private static final String OCTET_STREAM = "application/octet-stream";

  private BinaryVariables() {}

  static void send(Context ctx, TypedValue value) {
    byte[] bytes = value.value() == null ? new byte[0] : (byte[]) value.value();
    if (value.type() == ValueType.FILE) {
      String mimeType = value.info(TypedValue.MIME_TYPE);
      String type = mimeType != null ? mimeType : OCTET_STREAM;
      String encoding = value.info(TypedValue.ENCODING);
      // Camunda's JAX-RS renders the type without a space before the parameter
      ctx.contentType(encoding != null ? type + ";charset=" + encoding : type);
      String filename = value.info(TypedValue.FILENAME);
      ctx.header(
          "Content-Disposition",
          "attachment; filename=\""
              + filename
              + "\"; filename*=UTF-8''"
              + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    } else {
      ctx.contentType(OCTET_STREAM);
    }
    ctx.result(bytes);
  }

  /**
   * The value of an upload form.
   *
   * @param prefix what Camunda puts before a conversion error, e.g. {@code Cannot put execution
   *     variable x}
   */
  static TypedValue fromForm(Context ctx, String prefix) {
    Map<String, Part> parts = MultipartForms.byName(ctx);
    Part data = parts.get("data");
    if (data == null) {
      throw new InvalidRequestException(prefix + ": the form has no part named 'data'");
    }
    byte[] content = bytes(data);
    Part objectType = parts.get("type");
    if (objectType != null) {
      return object(text(objectType), data.getContentType(), content);
    }
    Part valueTypePart = parts.get("valueType");
    String valueType = valueTypePart == null ? "Bytes" : text(valueTypePart);
    if (valueType.isBlank()) {
      throw new InvalidRequestException("Form part with name 'valueType' must have a text/plain value");
    }
    if (valueType.equalsIgnoreCase("Bytes")) {
      return TypedValue.of(ValueType.BYTES, content);
    }
    if (valueType.equalsIgnoreCase("File")) {
      return file(data, content, prefix);
    }
    // any other type: the part's text, converted as a JSON value of that type would be
    return VariableValues.toTyped(
        new VariableValueDto(new String(content, StandardCharsets.UTF_8), valueType, null), prefix);
  }

  private static TypedValue object(String typeName, String contentType, byte[] content) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("application/json")) {
      throw new InvalidRequestException(
          "Unrecognized content type for serialized java type: " + contentType);
    }
    String json = new String(content, StandardCharsets.UTF_8);
    try {
      CamundaJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidRequestException(
          "Could not deserialize JSON object: " + e.getOriginalMessage());
    }
    // kept serialized: Tern loads no class named by a client (see VariableValues)
    return TypedValue.object(json, typeName, "application/json");
  }

  private static TypedValue file(Part data, byte[] content, String prefix) {
    String filename = data.getSubmittedFileName();
    if (filename == null) {
      throw new InvalidRequestException(
          prefix
              + ": Cannot create file without filename! Please set a name into ValueInfo with key"
              + " filename");
    }
    String contentType = data.getContentType() == null ? OCTET_STREAM : data.getContentType();
    String[] segments = contentType.split(";");
    String mimeType = segments[0].trim();
    if (!mimeType.matches("[\\w.+-]+/[\\w.+-]+")) {
      throw new InvalidRequestException("Invalid mime type given");
    }
    String encoding = null;
    for (int i = 1; i < segments.length; i++) {
      String[] parameter = segments[i].trim().split("=", 2);
      if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("encoding")) {
        encoding = parameter[1].trim().replace("\"", "");
      }
    }
    return TypedValue.file(content, filename, mimeType.toLowerCase(Locale.ROOT), encoding);
  }

  private static byte[] bytes(Part part) {
    return MultipartForms.bytes(part);
  }

  private static String text(Part part) {
    return MultipartForms.text(part).trim();
  }
}
