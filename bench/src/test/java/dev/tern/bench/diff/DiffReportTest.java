package dev.tern.bench.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiffReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void idsDatesLinksAndStackTracesAreMaskedButMessagesAndValuesStay() throws Exception {
    JsonNode answer =
        JSON.readTree(
            """
            {"id":"4711","processInstanceId":"abc-123-def","jobIds":["j-1"],"retries":0,
             "createTime":"2026-12-05T10:43:40.381+0000","durationInMillis":17,
             "links":[{"rel":"self","href":"http://h:1/engine-rest/job/4711"}],
             "exceptionStacktrace":"boom\\n at x","message":"Job with id abc-123-def does not exist",
             "suspended":false}
            """);

    JsonNode masked = new Masking(List.of("abc-123-def")).mask(answer);

    assertThat(masked.toString())
        .isEqualTo(
            "{\"id\":\"<id>\",\"processInstanceId\":\"<id>\",\"jobIds\":[\"<id>\"],\"retries\":0,"
                + "\"createTime\":\"<date>\",\"durationInMillis\":\"<duration>\","
                + "\"links\":[{\"rel\":\"self\",\"href\":\"<href>\"}],"
                + "\"exceptionStacktrace\":\"<stacktrace>\","
                + "\"message\":\"Job with id <id> does not exist\",\"suspended\":false}");
  }

  @Test
  void namedIdsShowWhichSavedIdAFieldNames() throws Exception {
    JsonNode answer =
        JSON.readTree(
            """
            [{"id":"a-1","parentActivityInstanceId":"pack-1"},
             {"id":"a-2","parentActivityInstanceId":"pi-1"}]
            """);

    JsonNode masked =
        new Masking(List.of("pack-1", "pi-1"), java.util.Map.of("pack-1", "pack")).mask(answer);

    assertThat(masked.toString())
        .isEqualTo(
            "[{\"id\":\"<id>\",\"parentActivityInstanceId\":\"<id pack>\"},"
                + "{\"id\":\"<id>\",\"parentActivityInstanceId\":\"<id>\"}]");
  }

  @Test
  void anUnorderedListIsComparedInTheOrderOfItsMaskedEntries() throws Exception {
    JsonNode answer =
        JSON.readTree("[{\"id\":\"x-2\",\"ended\":false},{\"id\":\"pi-1\",\"ended\":false}]");

    JsonNode masked =
        ScenarioRun.sorted(new Masking(List.of(), java.util.Map.of("pi-1", "n")).mask(answer));

    assertThat(masked.toString())
        .isEqualTo("[{\"id\":\"<id n>\",\"ended\":false},{\"id\":\"<id>\",\"ended\":false}]");
  }

  @Test
  void reportCountsAgreeingCasesAndNamesEachDifference() throws Exception {
    List<ScenarioRun.Case> reference =
        List.of(
            new ScenarioRun.Case("same", "GET /a", 200, JSON.readTree("{\"x\":1}"), true),
            new ScenarioRun.Case("field", "GET /b", 200, JSON.readTree("{\"x\":1,\"tenantId\":null}"), true),
            new ScenarioRun.Case("status", "GET /c", 400, JSON.readTree("{}"), true),
            new ScenarioRun.Case("status only", "GET /d", 200, JSON.readTree("\"trace 1\""), false));
    List<ScenarioRun.Case> tern =
        List.of(
            new ScenarioRun.Case("same", "GET /a", 200, JSON.readTree("{\"x\":1}"), true),
            new ScenarioRun.Case("field", "GET /b", 200, JSON.readTree("{\"x\":2}"), true),
            new ScenarioRun.Case("status", "GET /c", 500, JSON.readTree("{}"), true),
            new ScenarioRun.Case("status only", "GET /d", 200, JSON.readTree("\"trace 2\""), false));

    String report = DiffReport.render("camunda", reference, "tern", tern);

    assertThat(report).startsWith("**2 of 4 cases agree** between camunda and tern");
    assertThat(report).contains("| 3 | status | `GET /c` | 400 / 500 | **no** |");
    assertThat(report).contains("- `/tenantId`: `null` → absent");
    assertThat(report).contains("- `/x`: `1` → `2`");
    assertThat(report).contains("- status: 400 → 500");
    assertThat(report).contains("| 4 | status only | `GET /d` | 200 | yes |");
  }
}
