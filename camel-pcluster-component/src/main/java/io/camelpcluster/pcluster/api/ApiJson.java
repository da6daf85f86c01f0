package io.camelpcluster.pcluster.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * The JSON mapping of the ParallelCluster API model: unknown fields are ignored, unknown enum
 * values become {@code UNKNOWN_TO_CLIENT}, timestamps are {@link Instant}s read from any ISO-8601
 * form and written as {@code 2021-07-15T01:22:02.655Z}, nulls are not written.
 */
public final class ApiJson {

  private static final ObjectMapper MAPPER = newMapper();

  private ApiJson() {}

  /** A new mapper configured for the model (callers may reconfigure their copy). */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(
            new SimpleModule("lenient-instant").addDeserializer(Instant.class, new IsoInstant()))
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }

  /** The shared mapper of the client; never reconfigured. */
  static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The wire spelling of an enum constant, e.g. {@code HeadNode} for {@code HEAD_NODE}. */
  static String wireValue(Enum<?> value) {
    return MAPPER.convertValue(value, String.class);
  }

  /** Parses an ISO-8601 timestamp: with an offset or zone, as UTC without one, or a date alone. */
  static Instant parseInstant(String text) {
    String trimmed = text.trim();
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              trimmed, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime zoned
          ? zoned.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADateTime) {
      return LocalDate.parse(trimmed, DateTimeFormatter.ISO_DATE)
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    }
  }

  /** Reads timestamps with {@link #parseInstant}. */
  private static final class IsoInstant extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    IsoInstant() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (!parser.hasToken(JsonToken.VALUE_STRING)) {
        return (Instant) context.handleUnexpectedToken(Instant.class, parser);
      }
      String text = parser.getText();
      try {
        return parseInstant(text);
      } catch (DateTimeParseException e) {
        return (Instant)
            context.handleWeirdStringValue(Instant.class, text, "not an ISO-8601 timestamp");
      }
    }
  }
}
