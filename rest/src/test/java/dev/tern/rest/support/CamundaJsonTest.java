package dev.tern.rest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CamundaJsonTest {

  record Dated(String id, Instant due, OffsetDateTime at, Date legacy) {}

  @Test
  void writesDatesInCamundaFormatInUtcAndWritesNulls() throws Exception {
    Instant instant = Instant.parse("2026-01-02T03:04:05.006Z");
    String json =
        CamundaJson.mapper()
            .writeValueAsString(
                new Dated(null, instant, instant.atOffset(java.time.ZoneOffset.ofHours(2)), Date.from(instant)));

    assertThat(json)
        .isEqualTo(
            "{\"id\":null,\"due\":\"2026-01-02T03:04:05.006+0000\","
                + "\"at\":\"2026-01-02T03:04:05.006+0000\",\"legacy\":\"2026-01-02T03:04:05.006+0000\"}");
  }

  @ParameterizedTest
  @CsvSource({
    "2026-01-02T03:04:05.000+0000, 2026-01-02T03:04:05Z",
    "2026-01-02T05:04:05.000+0200, 2026-01-02T03:04:05Z",
    "2026-01-02T05:04:05.000+02:00, 2026-01-02T03:04:05Z",
    "2026-01-02T05:04:05+02, 2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05Z, 2026-01-02T03:04:05Z",
    "2026-01-02T03:04:05.123456789Z, 2026-01-02T03:04:05.123456789Z",
    "2026-01-02T03:04:05.5, 2026-01-02T03:04:05.500Z",
    "2026-01-02T03:04:05, 2026-01-02T03:04:05Z",
  })
  void readsCamundaAndIsoForms(String text, String expected) {
    assertThat(CamundaDates.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-02", "yesterday", "2026-13-02T03:04:05Z", "2026-01-02T03:04Z", ""})
  void refusesOtherForms(String text) {
    assertThat(CamundaDates.parse(text)).isEmpty();
  }

  @Test
  void readsBodiesIgnoringUnknownProperties() throws Exception {
    Dated dated =
        CamundaJson.mapper()
            .readValue("{\"id\":\"a\",\"due\":\"2026-01-02T03:04:05.000+0000\",\"extra\":1}", Dated.class);

    assertThat(dated.id()).isEqualTo("a");
    assertThat(dated.due()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
  }

  @Test
  void badDateIsAFormatError() {
    assertThatThrownBy(() -> CamundaJson.mapper().readValue("{\"due\":\"soon\"}", Dated.class))
        .isInstanceOf(InvalidFormatException.class);
  }
}
