package dev.tern.engine.identity;

/** A group of users. */
public record Group(String id, String name, String type) {}
