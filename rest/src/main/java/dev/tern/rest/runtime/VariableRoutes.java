package dev.tern.rest.runtime;

import dev.tern.engine.NotFoundException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.runtime.TypedValue;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Callers;
import dev.tern.rest.runtime.ProcessInstanceDtos.PatchVariablesDto;
import dev.tern.rest.support.JsonBodies;
import dev.tern.rest.support.Responses;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Camunda's seven routes of a variable scope ({@code /process-instance/{id}/variables}, {@code
 * /execution/{id}/localVariables}, {@code /task/{id}/variables} and {@code …/localVariables}): all, modify, one, put, delete, and the binary {@code /data} of
 * one (download and multipart upload), with Camunda's messages naming the scope.
 */
public final class VariableRoutes {

  /** The engine calls behind the routes; each checks the caller's permissions. */
  public record Scope(All all, One one, Modify modify) {}

  public interface All {
    Map<String, TypedValue> all(Caller caller, String id);
  }

  public interface One {
    Optional<TypedValue> one(Caller caller, String id, String name);
  }

  public interface Modify {
    void modify(Caller caller, String id, Map<String, TypedValue> set, List<String> remove);
  }

  private final String typeName;
  private final Scope scope;

  /** @param typeName how Camunda's messages name the scope: {@code process instance}, {@code execution} */
  public VariableRoutes(String typeName, Scope scope) {
    this.typeName = typeName;
    this.scope = scope;
  }

  public Routes add(Routes routes, String base) {
    String one = base + "/{varName}";
    return routes
        .get(base, this::all)
        .post(base, this::modify)
        .get(one, this::one)
        .put(one, this::put)
        .delete(one, this::delete)
        .get(one + "/data", this::download)
        .post(one + "/data", this::upload);
  }

  private void all(Context ctx) {
    boolean deserialize = VariableValues.deserialize(ctx, "deserializeValues");
    ctx.json(VariableValues.toDtos(scope.all().all(Callers.of(ctx), ctx.pathParam("id")), deserialize));
  }

  private void modify(Context ctx) {
    PatchVariablesDto patch =
        JsonBodies.readOr(ctx, PatchVariablesDto.class, () -> new PatchVariablesDto(null, null));
    Map<String, TypedValue> modifications =
        VariableValues.toTyped(patch.modifications(), "Cannot modify variables for " + typeName);
    List<String> deletions = patch.deletions() == null ? List.of() : patch.deletions();
    scope.modify().modify(Callers.of(ctx), ctx.pathParam("id"), modifications, deletions);
    Responses.noContent(ctx);
  }

  private void one(Context ctx) {
    boolean deserialize = VariableValues.deserialize(ctx, "deserializeValue");
    ctx.json(VariableValues.toDto(existing(ctx), deserialize));
  }

  private void put(Context ctx) {
    String name = ctx.pathParam("varName");
    VariableValueDto dto = JsonBodies.read(ctx, VariableValueDto.class);
    set(ctx, name, VariableValues.toTyped(dto, putPrefix(name)));
  }

  private void delete(Context ctx) {
    scope.modify().modify(Callers.of(ctx), ctx.pathParam("id"), Map.of(), List.of(ctx.pathParam("varName")));
    Responses.noContent(ctx);
  }

  private void download(Context ctx) {
    VariableValues.sendBinary(ctx, ctx.pathParam("id"), existing(ctx));
  }

  private void upload(Context ctx) {
    String name = ctx.pathParam("varName");
    set(ctx, name, BinaryVariables.fromForm(ctx, putPrefix(name)));
  }

  private void set(Context ctx, String name, TypedValue value) {
    scope.modify().modify(Callers.of(ctx), ctx.pathParam("id"), Map.of(name, value), List.of());
    Responses.noContent(ctx);
  }

  private TypedValue existing(Context ctx) {
    String name = ctx.pathParam("varName");
    return scope
        .one()
        .one(Callers.of(ctx), ctx.pathParam("id"), name)
        .orElseThrow(
            () ->
                new NotFoundException(
                    typeName + " variable with name " + name + " does not exist"));
  }

  private String putPrefix(String name) {
    return "Cannot put " + typeName + " variable " + name;
  }

}
