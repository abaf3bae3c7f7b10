/**
 * Shared helpers for REST resources. A resource parses, calls one engine method, and renders;
 * these make the parsing and rendering Camunda-compatible in one way everywhere.
 *
 * <h2>Adding a resource</h2>
 *
 * Implement {@link dev.tern.rest.RestResource} in {@code dev.tern.rest.<capability>} and add it to
 * {@link dev.tern.rest.RestResources#all}. Declare paths relative to {@code /engine-rest}: {@code
 * routes.get("/job/{id}", ctx -> …)}. Literal segments are matched before parameters, so {@code
 * /job/count} and {@code /job/{id}} can be declared in any order.
 *
 * <h2>Errors</h2>
 *
 * Throw, don't render: engine exceptions ({@code NotFoundException}, {@code
 * InvalidRequestException}, {@code ProcessEngineException}, {@code OptimisticLockingException}) and
 * {@link dev.tern.rest.support.RestException} are turned into status + {@code
 * {"type","message","code"}} by {@link dev.tern.rest.support.ErrorResponses}, the one table.
 *
 * <h2>Query strings</h2>
 *
 * <ul>
 *   <li>{@link dev.tern.rest.support.QueryParams#of(io.javalin.http.Context)} → {@code string},
 *       {@code bool} (Camunda: anything but {@code true} is false), {@code integer}, {@code
 *       longValue}, {@code date} (see {@link dev.tern.rest.support.CamundaDates}), {@code list}
 *       (comma-separated). Bad values → 400 {@code Cannot set query parameter 'x' to value 'y':
 *       …}.
 *   <li>{@link dev.tern.rest.support.Paging#from} → {@code firstResult} (default 0) and {@code
 *       maxResults} (default {@code Integer.MAX_VALUE}); negative → 400.
 *   <li>{@link dev.tern.rest.support.Sorting#fromQuery} with the resource's allowed {@code sortBy}
 *       values → list of {@link dev.tern.rest.support.Sorting.Criterion} (0 or 1); {@link
 *       dev.tern.rest.support.Sorting#fromBody} for a JSON body's {@code sorting} array (declare it
 *       as {@code List<SortingDto> sorting} in the body record).
 * </ul>
 *
 * <h2>JSON bodies</h2>
 *
 * {@link dev.tern.rest.support.JsonBodies#read} (400 if empty), {@code readOr} / {@code readOrNull}
 * (optional body), {@code readObject} (a tree). Non-JSON content type → 415; malformed JSON, wrong
 * value types, an array for an object → 400 naming the property. Unknown properties are ignored.
 * Body records use Camunda's field names; {@code Instant} fields read and write Camunda's date
 * format.
 *
 * <h2>Responses</h2>
 *
 * {@code ctx.json(dto)} / {@code ctx.json(list)} with the shared {@link
 * dev.tern.rest.support.CamundaJson#mapper()} (nulls are written), {@link
 * dev.tern.rest.support.Responses#count} for {@code {"count":n}}, {@link
 * dev.tern.rest.support.Responses#noContent} for 204.
 *
 * <h2>Tests</h2>
 *
 * {@code dev.tern.rest.testing.RestTestServer} (rest test-jar): {@code given()} validates request
 * and response against Camunda's openapi.json; {@code givenInvalidRequest()} validates only the
 * response (for deliberate bad input); {@code givenWithoutContract()} for what Camunda has no
 * operation for (unknown paths, 405, 415).
 */
package dev.tern.rest.support;
