package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** A YAML application instantiates the packaged templates with templatedRoute. */
class YamlApplicationTest extends PipelineTestSupport {

  @Test
  void aYamlAppWithTemplatedRoutesRunsThePipeline() throws Exception {
    assumeLocalSlurm();
    context = newContext();
    List<Resource> resources = new ArrayList<>();
    for (String location : EphemeralClusterPipeline.TEMPLATE_RESOURCES) {
      resources.add(ResourceHelper.resolveMandatoryResource(context, location));
    }
    resources.add(
        ResourceHelper.resolveMandatoryResource(context, "classpath:yaml-app/pipeline-app.yaml"));
    PluginHelper.getRoutesLoader(context).loadRoutes(resources);
    PutObjectResponse words = put("yaml-app/words.txt", "a b c d");
    PutObjectResponse empty = put("yaml-app/empty.txt", "");

    context.start();

    String wordsFolder =
        ResultLayout.of("yaml-app/", new InputObject(INPUTS, "yaml-app/words.txt", words.eTag()))
            .folder();
    String emptyFolder =
        ResultLayout.of("yaml-app/", new InputObject(INPUTS, "yaml-app/empty.txt", empty.eTag()))
            .folder();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                result(wordsFolder + "result.json").isPresent()
                    && result(emptyFolder + "error.json").isPresent());
    assertThat(result(wordsFolder + "result.txt")).contains("4\n");
    PipelineJournal journal =
        context.getRegistry().lookupByNameAndType("yaml-journal", PipelineJournal.class);
    assertThat(journal.runs()).hasSize(2);
    assertThat(journal.runs())
        .extracting(PipelineRun::state)
        .containsExactlyInAnyOrder(RunState.SUCCEEDED, RunState.FAILED);
  }

  @Test
  void theScriptMayBeGivenAsTextStartingWithAShebang() throws Exception {
    context = newContext();
    EphemeralClusterPipeline.loadTemplates(context);
    TemplatedRouteBuilder.builder(context, EphemeralClusterPipeline.PIPELINE_TEMPLATE)
        .routeId("text-script")
        .parameter("pipelineId", "text-script")
        .parameter("resultsBucket", RESULTS)
        .parameter("configTemplate", TEMPLATE)
        .parameter("jobScript", "#!/bin/bash\necho \"words: $(wc -w < \"$PIPELINE_INPUT\")\"\n")
        .add();

    context.start();

    assertThat(context.getRouteController().getRouteStatus("text-script").isStarted()).isTrue();
    assertThat(context.getRegistry().lookupByName("pcluster-pipeline-journal"))
        .isInstanceOf(PipelineJournal.class);
  }
}
