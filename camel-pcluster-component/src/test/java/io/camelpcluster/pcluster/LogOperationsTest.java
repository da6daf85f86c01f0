package io.camelpcluster.pcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camelpcluster.pcluster.api.model.ListClusterLogStreamsRequest;
import io.camelpcluster.pcluster.api.model.LogEvent;
import io.camelpcluster.pcluster.api.model.LogEventsResponse;
import io.camelpcluster.pcluster.api.model.LogStream;
import io.camelpcluster.pcluster.api.model.LogStreamsResponse;
import io.camelpcluster.pcluster.api.model.StackEvent;
import io.camelpcluster.pcluster.api.model.StackEventsResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

class LogOperationsTest extends PclusterTestSupport {

  @Test
  void clusterLogStreamsFilteredToTheHeadNode() {
    String name = createdCluster("logs");

    Exchange all =
        send("pcluster:listClusterLogStreams?allPages=true&clusterName=" + name, null, Map.of());
    Exchange head =
        send(
            "pcluster:listClusterLogStreams?allPages=true",
            null,
            Map.of(
                PclusterConstants.CLUSTER_NAME,
                name,
                PclusterConstants.FILTERS,
                ListClusterLogStreamsRequest.headNodeFilter()));

    @SuppressWarnings("unchecked")
    List<LogStream> streams = all.getMessage().getBody(List.class);
    @SuppressWarnings("unchecked")
    List<LogStream> headStreams = head.getMessage().getBody(List.class);
    assertThat(streams)
        .extracting(LogStream::logStreamName)
        .anyMatch(s -> s.endsWith(".computemgtd"));
    assertThat(headStreams).isNotEmpty().hasSizeLessThan(streams.size());
    assertThat(headStreams)
        .extracting(LogStream::logStreamName)
        .noneMatch(s -> s.endsWith(".computemgtd"));
  }

  @Test
  void clusterLogEventsFromHeadWithALimit() {
    String name = createdCluster("events");
    String stream = firstStream(name, ".cfn-init");

    Exchange page =
        send(
            "pcluster:getClusterLogEvents?startFromHead=true&limit=1",
            null,
            Map.of(
                PclusterConstants.CLUSTER_NAME, name, PclusterConstants.LOG_STREAM_NAME, stream));
    Exchange all =
        send(
            "pcluster:getClusterLogEvents?allPages=true&startFromHead=true&logStreamName=" + stream,
            null,
            Map.of(PclusterConstants.CLUSTER_NAME, name));

    assertThat(page.getException()).isNull();
    assertThat(page.getMessage().getBody(LogEventsResponse.class).events()).hasSize(1);
    assertThat(page.getMessage().getHeader(PclusterConstants.NEXT_TOKEN)).isNotNull();
    @SuppressWarnings("unchecked")
    List<LogEvent> events = all.getMessage().getBody(List.class);
    assertThat(events).hasSizeGreaterThan(1);
  }

  @Test
  void logEventsInATimeRange() {
    String name = createdCluster("range");
    String stream = firstStream(name, ".cfn-init");

    Exchange none =
        send(
            "pcluster:getClusterLogEvents?startTime=2001-01-01T00:00:00Z&endTime=2001-01-02T00:00:00Z",
            null,
            Map.of(
                PclusterConstants.CLUSTER_NAME, name, PclusterConstants.LOG_STREAM_NAME, stream));
    Exchange all =
        send(
            "pcluster:getClusterLogEvents",
            null,
            Map.of(
                PclusterConstants.CLUSTER_NAME,
                name,
                PclusterConstants.LOG_STREAM_NAME,
                stream,
                PclusterConstants.START_TIME,
                Instant.parse("2001-01-01T00:00:00Z")));

    assertThat(none.getMessage().getBody(LogEventsResponse.class).events()).isEmpty();
    assertThat(all.getMessage().getBody(LogEventsResponse.class).events()).isNotEmpty();
  }

  @Test
  void badStartTimeIsExplained() {
    Exchange exchange =
        send(
            "pcluster:getClusterLogEvents?clusterName=c1&logStreamName=s&startTime=yesterday",
            null,
            Map.of());

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void logEventsNeedAStream() {
    Exchange exchange = send("pcluster:getClusterLogEvents?clusterName=c1", null, Map.of());

    assertThat(exchange.getException())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("logStreamName")
        .hasMessageContaining(PclusterConstants.LOG_STREAM_NAME);
  }

  @Test
  void clusterStackEventsOnePage() {
    String name = createdCluster("stack");

    Exchange exchange = send("pcluster:getClusterStackEvents?clusterName=" + name, null, Map.of());

    assertThat(exchange.getMessage().getBody(StackEventsResponse.class).events())
        .extracting(StackEvent::stackName)
        .contains(name);
  }

  @Test
  void imageLogsAndStackEvents() {
    String imageId = uniqueName("img-logs");
    send("pcluster:buildImage", ClusterYaml.image(), Map.of(PclusterConstants.IMAGE_ID, imageId));
    // the build stack exists while the image builds, and deletes itself once the AMI exists
    Exchange stackEvents =
        send("pcluster:getImageStackEvents?allPages=true&imageId=" + imageId, null, Map.of());
    Exchange built =
        send("pcluster:waitImage?targetStatus=BUILD_COMPLETE&imageId=" + imageId, null, Map.of());
    assertThat(built.getException()).isNull();

    Exchange streams = send("pcluster:listImageLogStreams?imageId=" + imageId, null, Map.of());
    String stream =
        streams.getMessage().getBody(LogStreamsResponse.class).logStreams().get(0).logStreamName();
    Exchange events =
        send(
            "pcluster:getImageLogEvents?allPages=true&startFromHead=true",
            null,
            Map.of(PclusterConstants.IMAGE_ID, imageId, PclusterConstants.LOG_STREAM_NAME, stream));

    assertThat(stream).contains("/");
    assertThat(events.getException()).isNull();
    assertThat(events.getMessage().getBody(List.class)).isNotEmpty();
    assertThat(stackEvents.getException()).isNull();
    assertThat(stackEvents.getMessage().getBody(List.class)).isNotEmpty();
  }

  private String firstStream(String clusterName, String suffix) {
    Exchange exchange =
        send(
            "pcluster:listClusterLogStreams?allPages=true&clusterName=" + clusterName,
            null,
            Map.of());
    @SuppressWarnings("unchecked")
    List<LogStream> streams = exchange.getMessage().getBody(List.class);
    return streams.stream()
        .map(LogStream::logStreamName)
        .filter(s -> s.endsWith(suffix))
        .findFirst()
        .orElseThrow();
  }
}
