package dev.tern.engine.statistics;

/** How many open incidents of one type a definition or activity has. */
public record IncidentCount(String incidentType, int incidentCount) {}
