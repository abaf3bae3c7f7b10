package dev.tern.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tern.rest.support.CamundaJson;
import dev.tern.rest.support.ExceptionDto;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed URI, headers too large, …) in
 * Camunda's JSON format instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, body(code, message), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return body(status, reason);
  }

  private static ByteBuffer body(int code, String message) {
    String reason = HttpStatus.getMessage(code);
    String text = "HTTP " + code + " " + reason + (message == null || message.equals(reason) ? "" : ": " + message);
    ExceptionDto dto =
        ExceptionDto.ofEngine(
            code >= 500 ? "ProcessEngineException" : "InvalidRequestException", text, 0);
    try {
      return ByteBuffer.wrap(CamundaJson.mapper().writeValueAsBytes(dto));
    } catch (JsonProcessingException e) {
      return ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8));
    }
  }
}
