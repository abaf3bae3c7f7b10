package dev.tern.rest.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.tern.engine.runtime.TypedValue;
import dev.tern.engine.runtime.ValueType;
import dev.tern.engine.testing.DatabaseTest;
import dev.tern.engine.testing.MutableClock;
import dev.tern.engine.testing.TestDatabase;
import dev.tern.rest.testing.RestTestServer;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every variable type Camunda 7.24's REST accepts, written with {@code PUT} (or the multipart
 * {@code /data} upload) and read back through {@code /process-instance/{id}/variables}, {@code
 * /variable-instance} and {@code /history/variable-instance}; wrong values are 400 with nothing
 * written.
 */
@DatabaseTest
class VariableTypesRestTest {

  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-02T03:04:05.678Z"));
  private final RestTestServer server;
  private String instance;

  VariableTypesRestTest(TestDatabase db) {
    this.server = RestTestServer.start(db, clock);
  }

  @BeforeEach
  void deployAndStart() {
    instance = WaitingProcess.deploy(server).start(Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Map<String, Object> dto(Object value, String type, Map<String, Object> valueInfo) {
    Map<String, Object> dto = new LinkedHashMap<>();
    dto.put("value", value);
    dto.put("type", type);
    if (valueInfo != null) {
      dto.put("valueInfo", valueInfo);
    }
    return dto;
  }

  private void put(String name, Map<String, Object> dto) {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(dto)
        .put("/process-instance/{id}/variables/{name}", instance, name)
        .then()
        .statusCode(204);
  }

  private ExtractableResponse<Response> get(String name) {
    return server
        .given()
        .get("/process-instance/{id}/variables/{name}", instance, name)
        .then()
        .statusCode(200)
        .extract();
  }

  private void roundTrip(String type, Object value, Object expected) {
    put("v", dto(value, type, null));
    ExtractableResponse<Response> read = get("v");
    assertThat(read.<String>path("type")).isEqualTo(type);
    assertThat(read.<Object>path("value")).isEqualTo(expected);
  }

  @Test
  void stringRoundTrip() {
    roundTrip("String", "text", "text");
  }

  @Test
  void aStringLongerThanTheTextColumnIsKeptWhole() {
    String text = "x".repeat(10_000) + "end";
    roundTrip("String", text, text);
  }

  @Test
  void integerShortLongDoubleBooleanRoundTrip() {
    roundTrip("Integer", 42, 42);
    roundTrip("Short", 7, 7);
    roundTrip("Long", 5_000_000_000L, 5_000_000_000L);
    roundTrip("Double", 2.5, 2.5f);
    roundTrip("Boolean", true, true);
  }

  @Test
  void dateRoundTrip() {
    roundTrip("Date", "2026-03-04T05:06:07.890+0000", "2026-03-04T05:06:07.890+0000");
  }

  @Test
  void nullRoundTrip() {
    roundTrip("Null", null, null);
  }

  @Test
  void jsonAndXmlRoundTripAsText() {
    roundTrip("Json", "{\"a\":[1,2]}", "{\"a\":[1,2]}");
    roundTrip("Xml", "<order id=\"7\"/>", "<order id=\"7\"/>");
  }

  @Test
  void bytesRoundTripAsBase64() {
    byte[] bytes = {0, 1, 2, (byte) 0xff};
    String base64 = Base64.getEncoder().encodeToString(bytes);
    roundTrip("Bytes", base64, base64);
    byte[] data =
        server
            .given()
            .get("/process-instance/{id}/variables/{name}/data", instance, "v")
            .then()
            .statusCode(200)
            .contentType("application/octet-stream")
            .extract()
            .asByteArray();
    assertThat(data).containsExactly(bytes);
    assertThat(server.engine().processInstances().variable(instance, "v").orElseThrow().value())
        .isEqualTo(bytes);
  }

  @Test
  void fileRoundTripKeepsNameMimeTypeAndEncodingAndDownloadsAsAttachment() {
    String content = "name;amount\nACME;120\n";
    put(
        "report",
        dto(
            Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)),
            "File",
            Map.of("filename", "report 1.csv", "mimeType", "text/csv", "encoding", "UTF-8")));

    server
        .given()
        .get("/process-instance/{id}/variables/{name}", instance, "report")
        .then()
        .statusCode(200)
        .body("type", equalTo("File"))
        .body("value", nullValue())
        .body("valueInfo.filename", equalTo("report 1.csv"))
        .body("valueInfo.mimeType", equalTo("text/csv"))
        .body("valueInfo.encoding", equalTo("UTF-8"));
    // openapi.json allows only octet streams and text/plain here; Camunda answers with the
    // file's own MIME type and encoding, and so does Tern
    ExtractableResponse<Response> download =
        server
            .givenWithoutContract()
            .get("/process-instance/{id}/variables/{name}/data", instance, "report")
            .then()
            .statusCode(200)
            .extract();
    assertThat(download.contentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(download.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"report 1.csv\"; filename*=UTF-8''report%201.csv");
    assertThat(download.asString()).isEqualTo(content);
  }

  @Test
  void anObjectIsKeptSerializedAndShownAsItsJsonUnlessSerializedValuesAreAskedFor() {
    put(
        "order",
        dto(
            "{\"id\":7,\"lines\":[\"a\"]}",
            "Object",
            Map.of("objectTypeName", "com.acme.Order", "serializationDataFormat", "application/json")));

    server
        .given()
        .get("/process-instance/{id}/variables/{name}", instance, "order")
        .then()
        .statusCode(200)
        .body("type", equalTo("Object"))
        .body("value.id", equalTo(7))
        .body("value.lines[0]", equalTo("a"))
        .body("valueInfo.objectTypeName", equalTo("com.acme.Order"))
        .body("valueInfo.serializationDataFormat", equalTo("application/json"));
    server
        .given()
        .queryParam("deserializeValue", false)
        .get("/process-instance/{id}/variables/{name}", instance, "order")
        .then()
        .statusCode(200)
        .body("value", equalTo("{\"id\":7,\"lines\":[\"a\"]}"));
    server
        .given()
        .queryParam("deserializeValues", false)
        .get("/process-instance/{id}/variables", instance)
        .then()
        .statusCode(200)
        .body("order.value", equalTo("{\"id\":7,\"lines\":[\"a\"]}"));
    server
        .given()
        .queryParam("processInstanceIdIn", instance)
        .queryParam("deserializeValues", false)
        .get("/variable-instance")
        .then()
        .statusCode(200)
        .body("[0].value", equalTo("{\"id\":7,\"lines\":[\"a\"]}"))
        .body("[0].valueInfo.objectTypeName", equalTo("com.acme.Order"));
    server
        .given()
        .queryParam("processInstanceId", instance)
        .get("/history/variable-instance")
        .then()
        .statusCode(200)
        .body("[0].value.id", equalTo(7));
  }

  @Test
  void bytesAndFilesAreUploadedAsMultipartAndHistoryKeepsTheirData() {
    byte[] big = new byte[100_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) i;
    }
    server
        .given()
        .multiPart("data", "unspecified", big, "application/octet-stream")
        .post("/process-instance/{id}/variables/{name}/data", instance, "blob")
        .then()
        .statusCode(204);
    server
        .given()
        .multiPart("data", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain; encoding=UTF-8")
        .multiPart("valueType", "File", "text/plain")
        .post("/process-instance/{id}/variables/{name}/data", instance, "notes")
        .then()
        .statusCode(204);

    TypedValue blob = server.engine().processInstances().variable(instance, "blob").orElseThrow();
    assertThat(blob.type()).isEqualTo(ValueType.BYTES);
    assertThat((byte[]) blob.value()).isEqualTo(big);
    server
        .given()
        .get("/process-instance/{id}/variables/{name}", instance, "notes")
        .then()
        .statusCode(200)
        .body("type", equalTo("File"))
        .body("valueInfo.filename", equalTo("notes.txt"))
        .body("valueInfo.mimeType", equalTo("text/plain"))
        .body("valueInfo.encoding", equalTo("UTF-8"));

    String historicId =
        server
            .given()
            .queryParam("processInstanceId", instance)
            .queryParam("variableName", "blob")
            .get("/history/variable-instance")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].id");
    byte[] fromHistory =
        server
            .given()
            .get("/history/variable-instance/{id}/data", historicId)
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertThat(fromHistory).isEqualTo(big);
  }

  @Test
  void anObjectIsUploadedAsJsonWithItsTypeName() {
    server
        .given()
        .multiPart("data", "order.json", "{\"id\":7}".getBytes(StandardCharsets.UTF_8), "application/json")
        .multiPart("type", "com.acme.Order", "text/plain")
        .post("/process-instance/{id}/variables/{name}/data", instance, "order")
        .then()
        .statusCode(204);
    TypedValue order = server.engine().processInstances().variable(instance, "order").orElseThrow();
    assertThat(order.type()).isEqualTo(ValueType.OBJECT);
    assertThat(order.info(TypedValue.OBJECT_TYPE_NAME)).isEqualTo("com.acme.Order");
    assertThat(order.value()).isEqualTo("{\"id\":7}");
  }

  @Test
  void wrongValuesAreRefusedWithNothingWritten() {
    refused(dto("@@not base64@@", "Bytes", null));
    refused(dto("aGVsbG8=", "File", Map.of("mimeType", "text/plain")));
    refused(
        dto(
            "rO0ABXQAA2FiYw==",
            "Object",
            Map.of(
                "objectTypeName", "java.lang.String",
                "serializationDataFormat", "application/x-java-serialized-object")));
    refused(dto("{\"id\":7}", "Object", Map.of("serializationDataFormat", "application/json")));
    refused(
        dto(
            "{not json",
            "Object",
            Map.of("objectTypeName", "com.acme.Order", "serializationDataFormat", "application/json")));
    refused(dto(Map.of("id", 7), "Xml", null));
    refused(dto("x", "Foo", null));
    server
        .given()
        .multiPart("data", "order.json", "{\"id\":7}".getBytes(StandardCharsets.UTF_8), "text/plain")
        .multiPart("type", "com.acme.Order", "text/plain")
        .post("/process-instance/{id}/variables/{name}/data", instance, "bad")
        .then()
        .statusCode(400)
        .body("message", equalTo("Unrecognized content type for serialized java type: text/plain"));
    // openapi.json lists no 415 here; Camunda's JAX-RS answers one for a non-multipart body
    server
        .givenWithoutContract()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/process-instance/{id}/variables/{name}/data", instance, "bad")
        .then()
        .statusCode(415);
    server
        .given()
        .get("/process-instance/{id}/variables/{name}/data", instance, "missing")
        .then()
        .statusCode(404)
        .body("message", equalTo("process instance variable with name missing does not exist"));
    assertThat(server.engine().processInstances().variables(instance)).isEmpty();
  }

  private void refused(Map<String, Object> dto) {
    server
        .given()
        .contentType(ContentType.JSON)
        .body(dto)
        .put("/process-instance/{id}/variables/{name}", instance, "bad")
        .then()
        .statusCode(400)
        .body("type", equalTo("InvalidRequestException"));
  }
}
