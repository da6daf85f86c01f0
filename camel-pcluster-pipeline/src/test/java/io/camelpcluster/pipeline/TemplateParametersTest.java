package io.camelpcluster.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.junit.jupiter.api.Test;

/**
 * The packaged templates, {@link PipelineSettings} and the module's documentation agree on the
 * parameters and their defaults.
 */
class TemplateParametersTest {

  private static Map<String, String> parameters(CamelContext context, String templateId) {
    RouteTemplateDefinition template =
        ((ModelCamelContext) context).getRouteTemplateDefinition(templateId);
    assertThat(template).as(templateId).isNotNull();
    Map<String, String> parameters = new LinkedHashMap<>();
    for (RouteTemplateParameterDefinition parameter : template.getTemplateParameters()) {
      assertThat(parameter.getDescription()).as(parameter.getName()).isNotBlank();
      parameters.put(parameter.getName(), parameter.getDefaultValue());
    }
    return parameters;
  }

  @Test
  void thePipelineTemplateAndTheSettingsHaveTheSameParametersAndDefaults() throws Exception {
    try (CamelContext context = new DefaultCamelContext()) {
      EphemeralClusterPipeline.loadTemplates(context);
      Map<String, String> template =
          parameters(context, EphemeralClusterPipeline.PIPELINE_TEMPLATE);

      Map<String, String> expected = new LinkedHashMap<>(PipelineSettings.DEFAULTS);
      PipelineSettings.REQUIRED.forEach(name -> expected.put(name, null));
      expected.remove("reaperInterval"); // the reaper template's
      assertThat(template).containsExactlyInAnyOrderEntriesOf(expected);
      assertThat(parameters(context, EphemeralClusterPipeline.REAPER_TEMPLATE))
          .containsEntry("reaperInterval", PipelineSettings.DEFAULTS.get("reaperInterval"))
          .containsEntry("journal", PipelineSettings.DEFAULTS.get("journal"));
    }
  }

  @Test
  void theDocumentationListsEveryParameterOfEveryTemplate() throws Exception {
    String doc = Files.readString(Path.of("src/main/docs/pipeline.adoc"), StandardCharsets.UTF_8);
    try (CamelContext context = new DefaultCamelContext()) {
      EphemeralClusterPipeline.loadTemplates(context);
      for (String id :
          new String[] {
            EphemeralClusterPipeline.PIPELINE_TEMPLATE,
            EphemeralClusterPipeline.S3_TRIGGER_TEMPLATE,
            EphemeralClusterPipeline.SQS_TRIGGER_TEMPLATE,
            EphemeralClusterPipeline.REAPER_TEMPLATE
          }) {
        int section = doc.indexOf("=== `" + id + "`");
        assertThat(section).as(id).isPositive();
        int end = doc.indexOf("|===", doc.indexOf("|===", section) + 4);
        String table = doc.substring(section, end);
        parameters(context, id)
            .forEach(
                (name, defaultValue) -> {
                  String shown =
                      defaultValue == null
                          ? "required"
                          : defaultValue.isEmpty() ? "(none)" : "`" + defaultValue + "`";
                  assertThat(table).as(id).contains("| `" + name + "` | " + shown + " |");
                });
      }
    }
  }
}
