package dev.tern.engine.deployment;

import dev.tern.engine.TernException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment was refused because a resource is not a process Tern can run (Camunda's {@code
 * ParseException}). Nothing was deployed. {@link #details()} lists the problems per resource, as
 * Camunda's REST API reports them.
 */
public final class ParseException extends TernException {

  private final Map<String, ResourceReport> details;

  public ParseException(String resourceName, List<Problem> errors) {
    super(Category.BAD_REQUEST, "ParseException", message(errors));
    Map<String, ResourceReport> report = new LinkedHashMap<>();
    report.put(resourceName, new ResourceReport(errors, List.of()));
    this.details = java.util.Collections.unmodifiableMap(report);
  }

  private static String message(List<Problem> errors) {
    StringBuilder text = new StringBuilder("ENGINE-09005 Could not parse BPMN process. Errors: ");
    for (Problem error : errors) {
      text.append("\n* ").append(error);
    }
    return text.toString();
  }

  /** The problems by resource name. */
  public Map<String, ResourceReport> details() {
    return details;
  }

  /** Errors and warnings found in one resource. */
  public record ResourceReport(List<Problem> errors, List<Problem> warnings) {
    public ResourceReport {
      errors = List.copyOf(errors);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * One problem: what is wrong, where (line and column, 0 when unknown) and which elements.
   *
   * @param mainElementId the element the problem is about, or null
   */
  public record Problem(
      String message,
      String resource,
      int line,
      int column,
      String mainElementId,
      List<String> elementIds) {

    public Problem {
      elementIds = List.copyOf(elementIds);
    }

    /** Camunda's text form: {@code message | resource r | line l | column c | element id}. */
    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(message);
      if (resource != null) {
        text.append(" | resource ").append(resource);
      }
      if (line > 0) {
        text.append(" | line ").append(line);
      }
      if (column > 0) {
        text.append(" | column ").append(column);
      }
      if (!elementIds.isEmpty()) {
        text.append(elementIds.size() > 1 ? " | elements " : " | element ");
        text.append(String.join(",", elementIds));
      }
      return text.toString();
    }
  }
}
