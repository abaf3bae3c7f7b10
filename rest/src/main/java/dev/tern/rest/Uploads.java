package dev.tern.rest;

import dev.tern.rest.support.RestException;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;

/**
 * Bounds multipart uploads (deployments): a request that announces more than {@link
 * RestSettings#maxDeploymentBytes} is answered 413 before its body is read; one that streams more
 * without announcing it is cut off by the parser at the same size, and parts above 1 MB are spooled
 * to a temporary file rather than held in memory. The number of parts is bounded too.
 */
final class Uploads {

  private static final int IN_MEMORY_PART_BYTES = 1024 * 1024;

  private Uploads() {}

  static void configure(JavalinConfig config, RestSettings settings) {
    config.jetty.multipartConfig.maxTotalRequestSize(settings.maxDeploymentBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxFileSize(settings.maxDeploymentBytes(), SizeUnit.BYTES);
    config.jetty.multipartConfig.maxInMemoryFileSize(IN_MEMORY_PART_BYTES, SizeUnit.BYTES);
    config.jetty.modifyServletContextHandler(
        handler -> handler.setMaxFormKeys(settings.maxFormParts()));
    config.routes.before(ctx -> refuseAnnouncedOversize(ctx, settings.maxDeploymentBytes()));
  }

  private static void refuseAnnouncedOversize(Context ctx, long maxBytes) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase().startsWith("multipart/")) {
      return;
    }
    long length = ctx.req().getContentLengthLong();
    if (length > maxBytes) {
      throw tooLarge(maxBytes);
    }
  }

  static RestException tooLarge(long maxBytes) {
    return new RestException(
        413,
        "InvalidRequestException",
        "The upload is larger than the limit of " + maxBytes + " bytes");
  }
}
