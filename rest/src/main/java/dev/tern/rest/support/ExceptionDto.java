package dev.tern.rest.support;

/**
 * Camunda's error body. {@code code} is always a number: the engine's code (0 for most errors, 1
 * for optimistic locking) and 0 for errors the REST layer itself detects. (Camunda 7.24 writes
 * {@code null} for the latter, but its own openapi.json declares {@code code} a non-nullable
 * number; Tern follows the contract.)
 */
public record ExceptionDto(String type, String message, int code) {}
