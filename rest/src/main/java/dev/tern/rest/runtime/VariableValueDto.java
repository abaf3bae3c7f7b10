package dev.tern.rest.runtime;

import java.util.Map;

/** Camunda's {@code VariableValueDto}: {@code {"value": …, "type": "String", "valueInfo": {}}}. */
public record VariableValueDto(Object value, String type, Map<String, Object> valueInfo) {}
