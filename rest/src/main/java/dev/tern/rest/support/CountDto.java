package dev.tern.rest.support;

/** The body of every {@code …/count} endpoint: {@code {"count": n}}. */
public record CountDto(long count) {}
