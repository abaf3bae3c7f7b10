package dev.tern.rest.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * The one {@link ObjectMapper} of the REST API, configured as Camunda's: dates in {@link
 * CamundaDates} form, nulls written, unknown properties ignored, trailing garbage refused.
 */
public final class CamundaJson {

  private static final ObjectMapper MAPPER = create();

  private CamundaJson() {}

  /** The shared, fully configured mapper (thread-safe; do not reconfigure it). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  static ObjectMapper create() {
    SimpleModule dates = new SimpleModule("camunda-dates");
    dates.addSerializer(Instant.class, new InstantSerializer());
    dates.addDeserializer(Instant.class, new InstantDeserializer());
    dates.addSerializer(
        OffsetDateTime.class, mapped(OffsetDateTime.class, OffsetDateTime::toInstant));
    dates.addDeserializer(
        OffsetDateTime.class,
        new MappedDeserializer<>(OffsetDateTime.class, i -> i.atOffset(ZoneOffset.UTC)));
    dates.addSerializer(Date.class, mapped(Date.class, Date::toInstant));
    dates.addDeserializer(Date.class, new MappedDeserializer<>(Date.class, Date::from));
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(dates)
        .setSerializationInclusion(JsonInclude.Include.ALWAYS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  private static <T> JsonSerializer<T> mapped(
      Class<T> type, java.util.function.Function<T, Instant> toInstant) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
          throws IOException {
        gen.writeString(CamundaDates.format(toInstant.apply(value)));
      }

      @Override
      public Class<T> handledType() {
        return type;
      }
    };
  }

  private static final class InstantSerializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(CamundaDates.format(value));
    }
  }

  private static final class InstantDeserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return readInstant(p, ctxt, Instant.class);
    }
  }

  private static final class MappedDeserializer<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final java.util.function.Function<Instant, T> fromInstant;

    MappedDeserializer(Class<T> type, java.util.function.Function<Instant, T> fromInstant) {
      this.type = type;
      this.fromInstant = fromInstant;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return fromInstant.apply(readInstant(p, ctxt, type));
    }
  }

  private static Instant readInstant(JsonParser p, DeserializationContext ctxt, Class<?> type)
      throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return Instant.ofEpochMilli(p.getLongValue());
    }
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw MismatchedInputException.from(p, type, "expected a date string");
    }
    String text = p.getText();
    return CamundaDates.parse(text)
        .orElseThrow(
            () ->
                ctxt.weirdStringException(
                    text, type, "expected a date like 2026-01-02T03:04:05.000+0000"));
  }
}
