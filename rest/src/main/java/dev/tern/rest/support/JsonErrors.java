package dev.tern.rest.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns Jackson's errors into messages a client can act on. */
final class JsonErrors {

  private JsonErrors() {}

  static String describe(JsonProcessingException e, Type target) {
    if (e instanceof JsonParseException parse) {
      return "Malformed JSON in request body: " + firstLine(parse.getOriginalMessage()) + at(parse);
    }
    if (e instanceof ValueInstantiationException instantiation) {
      Throwable cause = instantiation.getCause() != null ? instantiation.getCause() : e;
      return "Invalid request body: " + cause.getMessage();
    }
    if (e instanceof MismatchedInputException && isEndOfInput(e)) {
      return "Malformed JSON in request body: unexpected end of input";
    }
    if (e instanceof JsonMappingException mapping) {
      String path = path(mapping);
      Class<?> expected =
          mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
              ? mismatch.getTargetType()
              : null;
      if (path.isEmpty()) {
        if (expected == null && target instanceof Class<?> targetClass) {
          expected = targetClass;
        }
        return "Invalid request body: expected " + describeType(expected);
      }
      String got =
          mapping instanceof InvalidFormatException format
              ? " but got '" + format.getValue() + "'"
              : "";
      String problem =
          expected != null
              ? "expected " + describeType(expected) + got
              : firstLine(e.getOriginalMessage());
      return "Invalid value for property '" + path + "': " + problem;
    }
    return "Invalid request body: " + firstLine(e.getOriginalMessage());
  }

  private static boolean isEndOfInput(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    return message != null && message.contains("end-of-input");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  static String describeType(Class<?> type) {
    if (type == null) {
      return "a different JSON value";
    }
    if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (type == Instant.class || type == Date.class || type == OffsetDateTime.class) {
      return "a date like 2026-01-02T03:04:05.000+0000";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a JSON array";
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "a JSON object";
    }
    return "a value of type " + type.getSimpleName();
  }

  private static String at(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    if (location == null || location.getLineNr() < 0) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
