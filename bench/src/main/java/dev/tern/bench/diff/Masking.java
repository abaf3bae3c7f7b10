package dev.tern.bench.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes two engines' answers comparable: what each engine invents by itself — ids, timestamps,
 * durations, links, host names, stack traces — becomes a placeholder; everything else (field names, types,
 * values, messages) stays and is compared.
 */
final class Masking {

  private static final Pattern DATE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?([+-]\\d{4}|Z)?");

  private final Collection<String> knownIds;
  /** Saved ids shown by their name (value → name), so which of them a field names is compared. */
  private final Map<String, String> namedIds;

  /** {@code knownIds}: ids this run saved; where they appear inside text (messages), they are masked too. */
  Masking(Collection<String> knownIds) {
    this(knownIds, Map.of());
  }

  /** @param namedIds ids an id field shows as {@code <id NAME>} instead of {@code <id>}: value → name */
  Masking(Collection<String> knownIds, Map<String, String> namedIds) {
    this.knownIds = knownIds;
    this.namedIds = namedIds;
  }

  JsonNode mask(JsonNode node) {
    return mask(null, node);
  }

  private JsonNode mask(String field, JsonNode node) {
    if (node == null || node.isNull()) {
      return node;
    }
    if (node.isObject()) {
      ObjectNode masked = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      boolean keysAreIds = field != null && field.startsWith("deployed") && field.endsWith("Definitions");
      int keyNumber = 0;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> entry = fields.next();
        // deployment answers key their definitions by id: compare them in order instead
        String key = keysAreIds ? "<id " + ++keyNumber + ">" : entry.getKey();
        masked.set(key, mask(entry.getKey(), entry.getValue()));
      }
      return masked;
    }
    if (node.isArray()) {
      ArrayNode masked = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> masked.add(mask(field, element)));
      return masked;
    }
    if (field != null && isIdField(field) && (node.isTextual() || node.isNumber())) {
      String name = namedIds.get(node.asText());
      return TextNode.valueOf(name == null ? "<id>" : "<id " + name + ">");
    }
    if (field != null && node.isNumber() && field.toLowerCase().contains("duration")) {
      return TextNode.valueOf("<duration>");
    }
    if (node.isTextual()) {
      return TextNode.valueOf(maskText(field, node.asText()));
    }
    return node;
  }

  private String maskText(String field, String text) {
    if ("href".equals(field)) {
      return "<href>";
    }
    if ("hostname".equals(field)) {
      return "<hostname>";
    }
    if (field != null && field.toLowerCase().contains("stacktrace")) {
      return "<stacktrace>";
    }
    String masked = DATE.matcher(text).replaceAll("<date>");
    for (String id : knownIds) {
      if (id.length() >= 6) {
        masked = masked.replace(id, "<id>");
      }
    }
    return masked;
  }

  /**
   * {@code id}, {@code …Id}, {@code …Ids}, and a historic incident's {@code historyConfiguration}
   * (a job log entry's id): values each engine generates on its own.
   */
  static boolean isIdField(String field) {
    return field.equals("id")
        || field.endsWith("Id")
        || field.endsWith("Ids")
        || field.equals("historyConfiguration");
  }
}
