package io.camelpcluster.emulator;

import static io.camelpcluster.emulator.Configs.createBody;
import static io.camelpcluster.emulator.Configs.slurm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CreateCluster's checks, in the server's order and with its messages. */
class CreateValidationTest {
  @RegisterExtension
  static final PclusterEmulatorExtension EMULATOR =
      PclusterEmulatorExtension.withConfig(EmulatorConfig.builder().anonymous(true).build());

  private final Api api = Api.anonymous(EMULATOR.emulator());

  @Test
  void anEmptyConfigurationIsRefused() {
    assertThat(create("empty", "").message())
        .isEqualTo("Bad Request: configuration is required and cannot be empty");
  }

  @Test
  void aDocumentThatIsNotAMappingIsRefused() {
    Api.Response response = create("list", "- a\n- b\n");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message())
        .isEqualTo(
            "Bad Request: Configuration must be a valid YAML document. Parsed config is not a dict");
  }

  @Test
  void malformedYamlIsRefused() {
    Api.Response response = create("broken", "Image: [alinux2\nHeadNode: {");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message())
        .startsWith("Bad Request: Configuration must be a valid YAML document. ");
  }

  @Test
  void aParallelCluster2IniFileGetsTheConversionHint() {
    String ini =
        """
        [aws]
        aws_region_name = us-east-1

        [cluster default]
        key_name = ops-key
        scheduler = slurm
        """;

    Api.Response response = create("v2", ini);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message())
        .startsWith(
            "Bad Request: ParallelCluster 3 requires configuration files to be valid YAML"
                + " documents.")
        .contains("pcluster3-config-converter");
  }

  @Test
  void missingSectionsAreSchemaErrorsListingTheFields() {
    Api.Response response = create("partial", "Image:\n  Os: alinux2023\n");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).isEqualTo("Invalid cluster configuration.");
    JsonNode error = response.json().get("configurationValidationErrors").get(0);
    assertThat(error.get("type").asText()).isEqualTo("ConfigSchemaValidator");
    assertThat(error.get("level").asText()).isEqualTo("ERROR");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "[('HeadNode', ['Missing data for required field.']), ('Scheduling', ['Missing data"
                + " for required field.'])]");
    assertThat(error.has("id")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown key|InvalidKey: 1|('InvalidKey', ['Unknown field.'])",
        "bad os|Os: alinux2023=>Os: windows|('Image', {'Os': ['Must be one of: alinux2,"
            + " alinux2023, ubuntu2004, ubuntu2204, rhel8, rocky8, rhel9, rocky9.']})",
        "queue name|Name: batch=>Name: Bad_Queue|{'Name': ['String does not match expected"
            + " pattern.']}",
        "default queue|Name: batch=>Name: default|{'Name': [\"It is forbidden to use 'default' as"
            + " a name.\"]}",
        "long queue name|Name: batch=>Name: abcdefghijklmnopqrstuvwxyz|{'Name': ['Longer than"
            + " maximum length 25.']}",
        "negative min|MinCount: 0=>MinCount: -1|{'MinCount': ['Must be greater than or equal to"
            + " 0.']}",
        "zero max|MaxCount: 8=>MaxCount: 0|{'MaxCount': ['Must be greater than or equal to 1.']}",
        "text count|MaxCount: 8=>MaxCount: many|{'MaxCount': ['Not a valid integer.']}",
        "bad subnet|SubnetId: subnet-0a1b2c3d4e5f67890=>SubnetId: net-1|('HeadNode',"
            + " {'Networking': {'SubnetId': ['String does not match expected pattern.']}})",
        "bad scheduler|Scheduler: slurm=>Scheduler: pbs|{'Scheduler': ['Must be one of: slurm,"
            + " awsbatch.']}",
      })
  void schemaErrorsNameTheFieldAndTheProblem(String name, String edit, String expected) {
    String config = slurm(0);
    if (edit.contains("=>")) {
      String[] parts = edit.split("=>");
      config = config.replace(parts[0], parts[1]);
    } else {
      config = config + edit + "\n";
    }

    Api.Response response = create("schema-" + name.replace(' ', '-'), config);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).isEqualTo("Invalid cluster configuration.");
    assertThat(response.json().at("/configurationValidationErrors/0/message").asText())
        .contains(expected);
  }

  @Test
  void theParallelClusterTagPrefixIsReserved() {
    String config = slurm(0) + "Tags:\n  - Key: parallelcluster:owner\n    Value: me\n";

    Api.Response response = create("reserved", config);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/configurationValidationErrors/0/message").asText())
        .contains("('Tags', {0: {'Key': [\"The tag key prefix 'parallelcluster:' is reserved");
  }

  @Test
  void aClusterNameLongerThan60IsAClusterNameValidatorError() {
    String name = "a".repeat(61);

    Api.Response response = create(name, slurm(0));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).isEqualTo("Invalid cluster configuration.");
    JsonNode error = response.json().at("/configurationValidationErrors/0");
    assertThat(error.get("type").asText()).isEqualTo("ClusterNameValidator");
    assertThat(error.get("message").asText())
        .isEqualTo(
            "Error: The cluster name can contain only alphanumeric characters (case-sensitive)"
                + " and hyphens. It must start with an alphabetic character and can't be longer"
                + " than 60 characters.");
  }

  @Test
  void minCountAboveMaxCountIsAComputeResourceSizeValidatorError() {
    Api.Response response = create("sizes", slurm("c6i.large", 5, 2));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/configurationValidationErrors/0/type").asText())
        .isEqualTo("ComputeResourceSizeValidator");
  }

  @Test
  void awsBatchNeedsAnAmazonLinux() {
    Api.Response response =
        create("batch-ubuntu", Configs.awsBatch().replace("Os: alinux2", "Os: ubuntu2204"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/configurationValidationErrors/0/type").asText())
        .isEqualTo("SchedulerOsValidator");
  }

  @Test
  void warningsBelowTheFailureLevelComeBackAsValidationMessages() {
    Api.Response response = create("warned", withoutKeyPair());

    assertThat(response.status()).isEqualTo(202);
    JsonNode message = response.json().get("validationMessages").get(0);
    assertThat(message.get("type").asText()).isEqualTo("KeyPairValidator");
    assertThat(message.get("level").asText()).isEqualTo("WARNING");
  }

  @Test
  void aWarningFailsTheRequestWhenTheFailureLevelIsWarning() {
    Api.Response response =
        api.post(
            "/v3/clusters?validationFailureLevel=WARNING", createBody("strict", withoutKeyPair()));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).isEqualTo("Invalid cluster configuration.");
    assertThat(response.json().at("/configurationValidationErrors/0/type").asText())
        .isEqualTo("KeyPairValidator");
    assertThat(api.get("/v3/clusters/strict").status()).isEqualTo(404);
  }

  @Test
  void suppressedValidatorsReportNothing() {
    Api.Response byType =
        api.post(
            "/v3/clusters?validationFailureLevel=INFO&suppressValidators=type:KeyPairValidator",
            createBody("suppressed-type", withoutKeyPair()));
    Api.Response all =
        api.post(
            "/v3/clusters?suppressValidators=ALL", createBody("b".repeat(61), withoutKeyPair()));

    assertThat(byType.status()).isEqualTo(202);
    assertThat(byType.json().has("validationMessages")).isFalse();
    assertThat(all.status()).isEqualTo(202);
  }

  @Test
  void theSchemaCannotBeSuppressed() {
    Api.Response response =
        api.post(
            "/v3/clusters?suppressValidators=ALL",
            createBody("unsuppressible", "Image:\n  Os: alinux2023\n"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/configurationValidationErrors/0/type").asText())
        .isEqualTo("ConfigSchemaValidator");
  }

  @Test
  void aSuccessfulDryRunAnswers412AndCreatesNothing() {
    Api.Response response =
        api.post("/v3/clusters?dryrun=TRUE", createBody("dry", withoutKeyPair()));

    assertThat(response.status()).isEqualTo(412);
    assertThat(response.message())
        .isEqualTo("Request would have succeeded, but DryRun flag is set.");
    assertThat(response.json().at("/validationMessages/0/type").asText())
        .isEqualTo("KeyPairValidator");
    assertThat(api.get("/v3/clusters/dry").status()).isEqualTo(404);
  }

  @Test
  void aDryRunThatWouldFailAnswersTheError() {
    Api.Response response =
        api.post("/v3/clusters?dryrun=true", createBody("dry-broken", "Image:\n  Os: x\n"));

    assertThat(response.status()).isEqualTo(400);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '#',
      value = {
        "validationFailureLevel=CRITICAL#Bad Request: 'CRITICAL' is not one of ['INFO', 'WARNING',"
            + " 'ERROR']",
        "dryrun=yes#Bad Request: Wrong type, expected 'boolean' for query parameter 'dryrun'",
        "rollbackOnFailure=1#Bad Request: Wrong type, expected 'boolean' for query parameter"
            + " 'rollbackOnFailure'",
        "suppressValidators=KeyPair#Bad Request: 'KeyPair' does not match '^(ALL|type:[A-Za-z0-9]+)$'",
        "region=mars-1#Bad Request: invalid or unsupported region 'mars-1'",
      })
  void badQueryParametersAre400(String query, String message) {
    Api.Response response = api.post("/v3/clusters?" + query, createBody("params", slurm(0)));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.message()).isEqualTo(message);
  }

  @Test
  void badBodiesAre400() {
    assertThat(api.post("/v3/clusters", null).message())
        .isEqualTo("Bad Request: request body is required");
    assertThat(api.post("/v3/clusters", "{not json").message())
        .isEqualTo("Bad Request: Request body is not valid JSON");
    assertThat(api.post("/v3/clusters", "[1]").message())
        .isEqualTo("Bad Request: [1] is not of type 'object'");
    assertThat(api.post("/v3/clusters", Map.of("clusterConfiguration", "x")).message())
        .isEqualTo("Bad Request: 'clusterName' is a required property");
    assertThat(
            api.post(
                    "/v3/clusters", Map.of("clusterName", "aaaaa.aaa", "clusterConfiguration", "x"))
                .message())
        .isEqualTo(
            "Bad Request: 'aaaaa.aaa' does not match '^[a-zA-Z][a-zA-Z0-9-]+$' - 'clusterName'");
    assertThat(
            api.post("/v3/clusters", Map.of("clusterName", "ok", "clusterConfiguration", 3))
                .message())
        .isEqualTo("Bad Request: 3 is not of type 'string' - 'clusterConfiguration'");
  }

  @Test
  void theConfigurationRegionIsUsedAndMustNotContradictTheParameter() {
    String config = "Region: eu-west-1\n" + slurm(0);

    Api.Response conflict =
        api.post("/v3/clusters?region=us-east-2", createBody("regional", config));
    Api.Response created = api.post("/v3/clusters", createBody("regional", config));

    assertThat(conflict.message())
        .isEqualTo("Bad Request: region is set in both parameter and configuration and conflicts.");
    assertThat(created.status()).isEqualTo(202);
    assertThat(created.json().at("/cluster/region").asText()).isEqualTo("eu-west-1");
    assertThat(api.get("/v3/clusters/regional?region=eu-west-1").status()).isEqualTo(200);
    assertThat(api.get("/v3/clusters/regional").status()).isEqualTo(404);
  }

  private Api.Response create(String name, String config) {
    return api.post("/v3/clusters", createBody(name, config));
  }

  private static String withoutKeyPair() {
    return slurm(0).replace("  Ssh:\n    KeyName: ops-key\n", "");
  }
}
