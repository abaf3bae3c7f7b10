package dev.tern.engine.identity;

/** A user's profile (Camunda's {@code UserProfileDto}); the password is never part of it. */
public record User(String id, String firstName, String lastName, String email) {}
