package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.model.GetClusterLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetClusterStackEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageLogEventsRequest;
import io.camelpcluster.pcluster.api.model.GetImageStackEventsRequest;
import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.ListImageLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.LogEventsQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The Cluster Logs and Image Logs operations of the API (log streams, events, stack events). */
final class LogHandlers {

  private LogHandlers() {}

  static void register(Map<PclusterOperations, OperationHandler> handlers) {
    handlers.put(PclusterOperations.listClusterLogStreams, LogHandlers::listClusterLogStreams);
    handlers.put(PclusterOperations.getClusterLogEvents, LogHandlers::getClusterLogEvents);
    handlers.put(PclusterOperations.getClusterStackEvents, LogHandlers::getClusterStackEvents);
    handlers.put(PclusterOperations.listImageLogStreams, LogHandlers::listImageLogStreams);
    handlers.put(PclusterOperations.getImageLogEvents, LogHandlers::getImageLogEvents);
    handlers.put(PclusterOperations.getImageStackEvents, LogHandlers::getImageStackEvents);
  }

  static CompletableFuture<Void> listClusterLogStreams(OperationCall call) {
    ListClusterLogStreamsRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(ListClusterLogStreamsRequest.class)
            : new ListClusterLogStreamsRequest(
                call.clusterName(),
                call.region(),
                call.inputs()
                    .list(PclusterConstants.FILTERS, call.configuration().getFilters(), "\\s+"),
                call.nextToken());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call,
        request,
        call.client()::listClusterLogStreams,
        call.client()::listAllClusterLogStreams);
  }

  static CompletableFuture<Void> getClusterLogEvents(OperationCall call) {
    GetClusterLogEventsRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(GetClusterLogEventsRequest.class)
            : new GetClusterLogEventsRequest(
                call.clusterName(), logStreamName(call), call.region(), query(call));
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call, request, call.client()::getClusterLogEvents, call.client()::getAllClusterLogEvents);
  }

  static CompletableFuture<Void> getClusterStackEvents(OperationCall call) {
    GetClusterStackEventsRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(GetClusterStackEventsRequest.class)
            : new GetClusterStackEventsRequest(call.clusterName(), call.region(), call.nextToken());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call,
        request,
        call.client()::getClusterStackEvents,
        call.client()::getAllClusterStackEvents);
  }

  static CompletableFuture<Void> listImageLogStreams(OperationCall call) {
    ListImageLogStreamsRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(ListImageLogStreamsRequest.class)
            : new ListImageLogStreamsRequest(call.imageId(), call.region(), call.nextToken());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call, request, call.client()::listImageLogStreams, call.client()::listAllImageLogStreams);
  }

  static CompletableFuture<Void> getImageLogEvents(OperationCall call) {
    GetImageLogEventsRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(GetImageLogEventsRequest.class)
            : new GetImageLogEventsRequest(
                call.imageId(), logStreamName(call), call.region(), query(call));
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call, request, call.client()::getImageLogEvents, call.client()::getAllImageLogEvents);
  }

  static CompletableFuture<Void> getImageStackEvents(OperationCall call) {
    GetImageStackEventsRequest request =
        call.inputs().pojoRequest()
            ? call.inputs().pojo(GetImageStackEventsRequest.class)
            : new GetImageStackEventsRequest(call.imageId(), call.region(), call.nextToken());
    if (request.region() == null) {
      request = request.withRegion(call.region());
    }
    return Pagination.fetch(
        call, request, call.client()::getImageStackEvents, call.client()::getAllImageStackEvents);
  }

  private static String logStreamName(OperationCall call) {
    return call.inputs()
        .required(
            PclusterConstants.LOG_STREAM_NAME,
            call.configuration().getLogStreamName(),
            "logStreamName");
  }

  private static LogEventsQuery query(OperationCall call) {
    PclusterConfiguration configuration = call.configuration();
    ExchangeInputs inputs = call.inputs();
    return new LogEventsQuery(
        call.nextToken(),
        inputs.flag(PclusterConstants.START_FROM_HEAD, configuration.isStartFromHead()),
        inputs.value(PclusterConstants.LIMIT, Integer.class, configuration.getLimit()),
        instant(inputs, PclusterConstants.START_TIME, configuration.getStartTime(), "startTime"),
        instant(inputs, PclusterConstants.END_TIME, configuration.getEndTime(), "endTime"));
  }

  /** An instant from the header (Instant, Date, epoch milliseconds or ISO-8601 text) or option. */
  private static Instant instant(
      ExchangeInputs inputs, String header, String option, String optionName) {
    Object value = inputs.exchange().getMessage().getHeader(header);
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value instanceof Number millis) {
      return Instant.ofEpochMilli(millis.longValue());
    }
    String text = inputs.text(header, option);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          optionName
              + " (or the "
              + header
              + " header) must be an ISO-8601 instant such as 2024-05-01T12:00:00Z",
          e);
    }
  }
}
