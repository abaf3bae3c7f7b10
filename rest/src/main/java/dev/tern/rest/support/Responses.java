package dev.tern.rest.support;

import io.javalin.http.Context;

/** Writing the common response shapes. */
public final class Responses {

  private Responses() {}

  /** {@code {"count": n}} */
  public static void count(Context ctx, long count) {
    ctx.json(new CountDto(count));
  }

  /** 204 without a body, as Camunda answers successful updates. */
  public static void noContent(Context ctx) {
    ctx.status(204);
  }
}
