package dev.tern.rest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.AuthorizationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns exceptions into HTTP statuses and Camunda's error body {@code
 * {"type","message","code"}}.
 *
 * <table>
 *   <caption>Exception → status</caption>
 *   <tr><th>exception</th><th>status</th><th>type</th></tr>
 *   <tr><td>TernException NOT_FOUND</td><td>404</td><td>its type</td></tr>
 *   <tr><td>TernException BAD_REQUEST</td><td>400</td><td>its type</td></tr>
 *   <tr><td>TernException FORBIDDEN (AuthorizationException)</td><td>403</td><td>its type, with
 *       {@code userId} and {@code missingAuthorizations}</td></tr>
 *   <tr><td>no or wrong credentials with authentication on</td><td>401</td>
 *       <td>NotAuthorizedException, {@code WWW-Authenticate: Basic realm="tern"}</td></tr>
 *   <tr><td>TernException CONFLICT (OptimisticLockingException)</td><td>500</td><td>its type,
 *       code 1</td></tr>
 *   <tr><td>TernException INTERNAL</td><td>500</td><td>its type</td></tr>
 *   <tr><td>JSON that cannot be read</td><td>400</td><td>InvalidRequestException</td></tr>
 *   <tr><td>RestException (415, …)</td><td>its status</td><td>its type</td></tr>
 *   <tr><td>an operation of Camunda's API that Tern does not implement</td><td>501</td>
 *       <td>RestException, "Tern does not implement GET /task"</td></tr>
 *   <tr><td>any Camunda operation under {@code /engine-rest/engine/{name}} for another engine
 *       name</td><td>400</td><td>InvalidRequestException, "No process engine available"</td></tr>
 *   <tr><td>unknown path</td><td>404</td><td>NotFoundException</td></tr>
 *   <tr><td>known path, wrong method</td><td>405</td><td>NotAllowedException</td></tr>
 *   <tr><td>body over the size limit</td><td>413</td><td>InvalidRequestException</td></tr>
 *   <tr><td>anything else</td><td>500</td><td>ProcessEngineException, generic message, stack
 *       trace logged</td></tr>
 * </table>
 *
 * <p>Optimistic locking is 500, not 409, because Camunda 7.24 answers it so (its handler gives 400
 * only to BadUserRequestException and friends); clients recognise it by {@code type} or by {@code
 * code} 1.
 */
public final class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  static final String UNEXPECTED_MESSAGE =
      "An unexpected error occurred on the server; it has been logged.";

  private ErrorResponses() {}

  /** The status for an engine exception's category. */
  public static int statusOf(TernException.Category category) {
    return switch (category) {
      case NOT_FOUND -> 404;
      case BAD_REQUEST -> 400;
      case FORBIDDEN -> 403;
      case CONFLICT -> 500;
      case INTERNAL -> 500;
    };
  }

  public static void handleEngine(TernException e, Context ctx) {
    int status = statusOf(e.category());
    if (status >= 500) {
      LOG.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.getMessage(), e);
    } else {
      LOG.debug("{} {} refused: {}", ctx.method(), ctx.path(), e.getMessage());
    }
    if (e instanceof AuthorizationException denied) {
      ctx.status(status).json(AuthorizationExceptionDto.of(denied));
      return;
    }
    write(
        ctx,
        status,
        e.wrapsEngineError()
            ? ExceptionDto.ofWrappedEngine(e.type(), e.getMessage(), e.code())
            : ExceptionDto.ofEngine(e.type(), e.getMessage(), e.code()));
  }

  public static void handleRest(RestException e, Context ctx) {
    write(ctx, e.status(), ExceptionDto.ofRest(e.type(), e.getMessage()));
  }

  public static void handleJson(JsonProcessingException e, Context ctx) {
    write(ctx, 400, ExceptionDto.ofRest("InvalidRequestException", JsonErrors.describe(e, null)));
  }

  /**
   * Javalin's own answers (no route, wrong method, body too large, …) in Camunda's format. {@code
   * engineName} is the engine that {@code /engine-rest/engine/{name}/…} paths may name.
   */
  public static void handleJavalin(HttpResponseException e, Context ctx, String engineName) {
    int status = e.getStatus();
    if (status == 404 || status == 405) {
      Optional<NamedEngines.EnginePath> target = NamedEngines.parse(ctx.path());
      Optional<String> missing =
          target.flatMap(t -> CamundaOperations.match(ctx.method().name(), t.relative()));
      if (missing.isPresent()) {
        // Camunda looks the engine up before it runs an operation.
        if (!target.get().addresses(engineName)) {
          handleEngine(NamedEngines.unknownEngine(), ctx);
          return;
        }
        write(ctx, 501, ExceptionDto.ofRest("RestException", "Tern does not implement " + missing.get()));
        return;
      }
    }
    String allow = e.getDetails().get("availableMethods");
    if (status == 405 && allow != null) {
      ctx.header("Allow", allow);
    }
    ExceptionDto body =
        switch (status) {
          case 404 ->
              ExceptionDto.ofRest(
                  "NotFoundException",
                  "HTTP 404 Not Found: no resource for " + ctx.method() + " " + ctx.path());
          case 405 ->
              ExceptionDto.ofRest("NotAllowedException", "HTTP 405 Method Not Allowed");
          case 413 ->
              ExceptionDto.ofRest("InvalidRequestException", "The request body is too large");
          default ->
              ExceptionDto.ofEngine(
                  status >= 500 ? "ProcessEngineException" : "InvalidRequestException",
                  e.getMessage(),
                  0);
        };
    write(ctx, status, body);
  }

  public static void handleUnexpected(Exception e, Context ctx) {
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), e);
    write(ctx, 500, ExceptionDto.ofEngine("ProcessEngineException", UNEXPECTED_MESSAGE, 0));
  }

  private static void write(Context ctx, int status, ExceptionDto body) {
    ctx.status(status).json(body);
  }
}
