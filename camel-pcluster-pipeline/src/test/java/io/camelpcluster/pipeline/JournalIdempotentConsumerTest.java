package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.aws2.s3.AWS2S3Constants;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal as the repository of Camel's idempotent consumer, as the pipeline route uses it. */
class JournalIdempotentConsumerTest {

  @TempDir Path dir;

  private final List<String> processed = new CopyOnWriteArrayList<>();
  private final AtomicBoolean failBeforeBegin = new AtomicBoolean();
  private final AtomicBoolean failAfterBegin = new AtomicBoolean();

  private CamelContext start(PipelineJournal journal) throws Exception {
    CamelContext context = new DefaultCamelContext();
    context.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:input")
                .process(
                    e ->
                        e.getMessage()
                            .setHeader(
                                "PipelineInputKey",
                                InputObject.of(e.getMessage()).idempotencyKey()))
                .idempotentConsumer(header("PipelineInputKey"), journal)
                .eager(true)
                .process(
                    e -> {
                      if (failBeforeBegin.get()) {
                        throw new IllegalStateException("before the run began");
                      }
                      InputObject input = InputObject.of(e.getMessage());
                      PipelineRun run = journal.begin("demo", input);
                      processed.add(input.key());
                      if (failAfterBegin.get()) {
                        journal.fail(run.runId(), "job failed", null);
                        throw new IllegalStateException("after the run began");
                      }
                      journal.succeed(run.runId(), null);
                    });
          }
        });
    context.start();
    return context;
  }

  private static void send(ProducerTemplate template, String key, String eTag) {
    try {
      template.sendBodyAndHeaders(
          "direct:input",
          null,
          Map.of(
              AWS2S3Constants.BUCKET_NAME, "inputs",
              AWS2S3Constants.KEY, key,
              AWS2S3Constants.E_TAG, eTag));
    } catch (RuntimeException expected) {
      // failures are part of these tests
    }
  }

  @Test
  void duplicateEventsForOneObjectVersionRunItOnce() throws Exception {
    PipelineJournal journal = PipelineJournal.inDirectory(dir, "a");
    try (CamelContext context = start(journal)) {
      ProducerTemplate template = context.createProducerTemplate();
      for (int i = 0; i < 3; i++) {
        send(template, "in/a.txt", "\"v1\"");
        send(template, "in/a.txt", "v1");
      }
      send(template, "in/a.txt", "v2");
      assertThat(processed).containsExactly("in/a.txt", "in/a.txt");
      assertThat(journal.runs()).hasSize(2);
    }
  }

  @Test
  void aFailureBeforeTheRunBeganFreesTheInputAFailedRunDoesNot() throws Exception {
    PipelineJournal journal = PipelineJournal.inMemory("a");
    try (CamelContext context = start(journal)) {
      ProducerTemplate template = context.createProducerTemplate();
      failBeforeBegin.set(true);
      send(template, "in/a.txt", "v1");
      failBeforeBegin.set(false);
      send(template, "in/a.txt", "v1");
      assertThat(processed).containsExactly("in/a.txt");

      failAfterBegin.set(true);
      send(template, "in/b.txt", "v1");
      send(template, "in/b.txt", "v1");
      assertThat(processed).containsExactly("in/a.txt", "in/b.txt");
      assertThat(journal.runs().get(0).state()).isEqualTo(RunState.FAILED);
    }
  }

  @Test
  void afterACrashTheNextInstanceRunsTheAbandonedInputExactlyOnce() throws Exception {
    PipelineJournal crashed = PipelineJournal.inDirectory(dir, "a");
    crashed.add(new InputObject("inputs", "in/a.txt", "v1").idempotencyKey());
    crashed.begin("demo", new InputObject("inputs", "in/a.txt", "v1"));
    PipelineRun finished = crashed.begin("demo", new InputObject("inputs", "in/b.txt", "v1"));
    crashed.succeed(finished.runId(), null);

    PipelineJournal restarted = PipelineJournal.inDirectory(dir, "b");
    try (CamelContext context = start(restarted)) {
      ProducerTemplate template = context.createProducerTemplate();
      for (int i = 0; i < 3; i++) {
        send(template, "in/a.txt", "v1");
        send(template, "in/b.txt", "v1");
      }
      assertThat(processed).containsExactly("in/a.txt");
      assertThat(restarted.abandoned()).hasSize(1);
    }
  }
}
