package dev.tern.rest.support;

/** Camunda's {@code VariableQueryParameterDto}: {@code {"name", "operator", "value"}}. */
public record VariableQueryParameterDto(String name, String operator, Object value) {}
