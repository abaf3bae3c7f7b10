package dev.tern.rest.support;

import java.util.Map;

/** One entry of a JSON body's {@code sorting} array, as Camunda reads it. */
public record SortingDto(String sortBy, String sortOrder, Map<String, Object> parameters) {}
