package dev.tern.engine.identity;

/** A tenant. */
public record Tenant(String id, String name) {}
