package dev.tern.rest.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.JsonValidationReportFormat;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.filter.Filter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Camunda 7.24's published {@code openapi.json} (from {@code
 * org.camunda.bpm:camunda-engine-rest-openapi}, at the root of that jar) as RestAssured filters
 * that fail a test with a {@link ContractViolation} when a request or response breaks the contract.
 * Built on the swagger-request-validator (its RestAssured adapters), base path {@code
 * /engine-rest}.
 *
 * <p>One deliberate relaxation: the validator injects {@code additionalProperties: false} into
 * every schema, which wrongly rejects valid bodies of Camunda's many {@code allOf} schemas
 * (DeploymentDto, ProcessInstanceDto, SetJobRetriesDto, …). Extra properties are therefore not
 * reported; wrong types, missing formats, undocumented statuses and unknown enum values are.
 */
public final class CamundaContract {

  /** Where the spec sits inside the camunda-engine-rest-openapi jar. */
  public static final String SPEC_RESOURCE = "openapi.json";

  private CamundaContract() {}

  /**
   * Starts parsing the spec in the background, so it overlaps with database and engine start-up.
   */
  static void warmUpInBackground() {
    Thread thread = new Thread(() -> Holder.VALIDATOR.hashCode(), "camunda-contract-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  /** Validates the request and the response. */
  public static Filter strict() {
    return new ContractFilter(false);
  }

  /**
   * Validates only the response (where the contract knows the operation): for tests that send what
   * the contract forbids on purpose and check Tern's answer.
   */
  public static Filter responsesOnly() {
    return new ContractFilter(true);
  }

  /** No validation, only recorded for the coverage check: for endpoints Camunda does not have. */
  static Filter unvalidated() {
    return (request, responseSpec, context) -> {
      Response response = context.next(request, responseSpec);
      ContractCoverage.record(
          request.getMethod(), request.getURI(), ContractCoverage.Validation.NONE, response.getStatusCode());
      return response;
    };
  }

  /** A request or response that breaks Camunda's contract. */
  public static final class ContractViolation extends AssertionError {
    ContractViolation(String message) {
      super(message);
    }
  }

  private record ContractFilter(boolean responsesOnly) implements Filter {
    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification responseSpec,
        FilterContext context) {
      Response response = context.next(request, responseSpec);
      ValidationReport report =
          Holder.VALIDATOR.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
      List<ValidationReport.Message> errors =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              .filter(m -> !(responsesOnly && m.getKey().startsWith("validation.request")))
              .toList();
      if (!errors.isEmpty()) {
        throw new ContractViolation(
            request.getMethod()
                + " "
                + request.getURI()
                + " -> "
                + response.getStatusCode()
                + " breaks Camunda's contract:\n"
                + JsonValidationReportFormat.getInstance().apply(ValidationReport.from(errors))
                + "\nresponse body: "
                + response.asString());
      }
      ContractCoverage.record(
          request.getMethod(),
          request.getURI(),
          responsesOnly ? ContractCoverage.Validation.RESPONSE : ContractCoverage.Validation.STRICT,
          response.getStatusCode());
      return response;
    }
  }

  // Parsing the 2 MB spec takes seconds: do it once per JVM, on first use.
  private static final class Holder {
    static final OpenApiInteractionValidator VALIDATOR =
        OpenApiInteractionValidator.createForInlineApiSpecification(loadSpec())
            .withParseOptions(parseOptions())
            .withBasePathOverride("/engine-rest")
            .withLevelResolver(
                LevelResolver.create()
                    // ignoring this key also stops the validator injecting additionalProperties
                    .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    // The validator's default also inlines every $ref (resolveFully), which doubles the parse
    // time of this spec; the schema validator resolves references itself.
    private static ParseOptions parseOptions() {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      options.setResolveFully(false);
      options.setResolveCombinators(false);
      return options;
    }

    /**
     * openapi.json declares ExceptionDto's {@code code} a non-nullable number, but Camunda 7.24's
     * server writes {@code null} for every error its REST layer reports itself (it sets a code
     * only for engine exceptions); Tern answers as the server does, so the contract is corrected
     * here, in this one place (with HistoricDetailDto's value, below).
     */
    private static String withNullableErrorCode(String spec) {
      try {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(spec);
        ((ObjectNode) root.at("/components/schemas/ExceptionDto/properties/code"))
            .put("nullable", true);
        // HistoricDetailDto types a variable update's value as an object, but the server writes
        // any JSON value there (a string, a number, null), as in VariableValueDto's AnyValue
        ObjectNode detailProperties =
            (ObjectNode) root.at("/components/schemas/HistoricDetailDto/properties");
        detailProperties.putObject("value").put("$ref", "#/components/schemas/AnyValue");
        return mapper.writeValueAsString(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String loadSpec() {
      try (InputStream in =
          CamundaContract.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              SPEC_RESOURCE
                  + " not on the classpath: add org.camunda.bpm:camunda-engine-rest-openapi");
        }
        return withNullableErrorCode(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
