package io.camelpcluster.pcluster;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.camel.Exchange;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConversionException;

/**
 * The inputs of one exchange for one operation: an input header ({@link PclusterConstants}) wins
 * over the endpoint option of the same meaning; blank text counts as absent. Errors are {@link
 * IllegalArgumentException}s that name the option and the header, never echoing the value.
 */
final class ExchangeInputs {

  private final Exchange exchange;
  private final PclusterConfiguration configuration;
  private final PclusterOperations operation;

  ExchangeInputs(
      Exchange exchange, PclusterConfiguration configuration, PclusterOperations operation) {
    this.exchange = exchange;
    this.configuration = configuration;
    this.operation = operation;
  }

  Exchange exchange() {
    return exchange;
  }

  PclusterConfiguration configuration() {
    return configuration;
  }

  PclusterOperations operation() {
    return operation;
  }

  /** The header converted to {@code type}, else the option value (which may be null). */
  <T> T value(String header, Class<T> type, T option) {
    Object raw = exchange.getMessage().getHeader(header);
    if (raw == null || raw instanceof CharSequence text && text.toString().isBlank()) {
      return option instanceof String text && text.isBlank() ? null : option;
    }
    if (type.isInstance(raw)) {
      return type.cast(raw);
    }
    try {
      return exchange.getContext().getTypeConverter().mandatoryConvertTo(type, exchange, raw);
    } catch (NoTypeConversionAvailableException | TypeConversionException e) {
      throw new IllegalArgumentException(
          "header "
              + header
              + " must be "
              + expected(type)
              + ", got a "
              + raw.getClass().getName()
              + " that does not convert",
          e);
    }
  }

  /** Text from the header, else the option. */
  String text(String header, String option) {
    return value(header, String.class, option);
  }

  /** Text from the header, else the option; an error naming both when neither is set. */
  String required(String header, String option, String optionName) {
    String value = text(header, option);
    if (value == null) {
      throw new IllegalArgumentException(
          operation
              + " needs "
              + optionName
              + ": set the "
              + optionName
              + " option or the "
              + header
              + " header");
    }
    return value;
  }

  /** A flag from the header, else the option. */
  boolean flag(String header, boolean option) {
    return value(header, Boolean.class, option);
  }

  /**
   * A list from the header (a collection, or text split at {@code separator}), else from the
   * option's text; empty when neither is set.
   */
  List<String> list(String header, String option, String separator) {
    Object raw = exchange.getMessage().getHeader(header);
    if (raw instanceof Collection<?> items) {
      return items.stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }
    String text = text(header, option);
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.split(separator))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The region to act on: the header, else the option; null for the API's default. */
  String region() {
    return text(PclusterConstants.REGION, configuration.getRegion());
  }

  /** The body as the operation's request record ({@code pojoRequest=true}). */
  <Q> Q pojo(Class<Q> type) {
    Object body = exchange.getMessage().getBody();
    if (!type.isInstance(body)) {
      throw new IllegalArgumentException(
          operation
              + " with pojoRequest=true needs a "
              + type.getName()
              + " body, got "
              + (body == null ? "no body" : "a " + body.getClass().getName()));
    }
    return type.cast(body);
  }

  /** Whether the body is the request record ({@code pojoRequest=true}). */
  boolean pojoRequest() {
    return configuration.isPojoRequest();
  }

  private static String expected(Class<?> type) {
    return type.isEnum()
        ? "one of " + Arrays.toString(type.getEnumConstants())
        : "a " + type.getSimpleName();
  }
}
