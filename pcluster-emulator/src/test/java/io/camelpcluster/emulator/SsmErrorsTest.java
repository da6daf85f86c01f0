package io.camelpcluster.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InvalidCommandIdException;
import software.amazon.awssdk.services.ssm.model.InvalidDocumentException;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.InvalidParametersException;
import software.amazon.awssdk.services.ssm.model.InvalidPluginNameException;
import software.amazon.awssdk.services.ssm.model.InvalidTargetException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** SSM's refusals, as the real SDK client sees them. */
class SsmErrorsTest {
  private static final String UNKNOWN_COMMAND = "11111111-2222-3333-4444-555555555555";

  private static PclusterEmulator emulator;
  private static SsmClient ssm;
  private static String headNode;

  @BeforeAll
  static void start() {
    emulator =
        PclusterEmulator.start(
            EmulatorConfig.builder().createDuration(Duration.ofMillis(400)).build());
    ssm = Ssm.client(emulator);
    headNode = Ssm.clusterWithRunningHeadNode(Api.signed(emulator), "ssm-errors");
  }

  @AfterAll
  static void stop() {
    ssm.close();
    emulator.close();
  }

  @Test
  void unknownInstanceIsInvalidInstanceId() {
    InvalidInstanceIdException e =
        catchThrowableOfType(
            InvalidInstanceIdException.class,
            () -> send(r -> r.instanceIds(headNode, "i-0123456789abcdef0")));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceId");
    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "Instances [[i-0123456789abcdef0]] not in a valid state for account 123456789012");
  }

  @Test
  void headNodeOfAClusterBeingCreatedIsNotReachableYet() {
    EmulatorConfig slow = EmulatorConfig.builder().createDuration(Duration.ofMinutes(10)).build();
    try (PclusterEmulator creating = PclusterEmulator.start(slow);
        SsmClient client = Ssm.client(creating)) {
      Api api = Api.signed(creating);
      api.post("/v3/clusters", Configs.createBody("slow", Configs.slurm(0)));
      String pending =
          api.get("/v3/clusters/slow").json().path("headNode").path("instanceId").asText();
      assertThat(pending).startsWith("i-");

      InvalidInstanceIdException e =
          catchThrowableOfType(
              InvalidInstanceIdException.class, () -> Ssm.send(client, pending, List.of("true")));
      assertThat(e.awsErrorDetails().errorMessage()).contains(pending);
    }
  }

  @Test
  void malformedValuesAreValidationErrors() {
    SsmException e =
        catchThrowableOfType(
            SsmException.class,
            () -> send(r -> r.instanceIds("i-123", "x;rm -rf /").comment("c".repeat(101))));

    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(e.awsErrorDetails().errorMessage())
        .startsWith("2 validation errors detected: Value '[i-123, x;rm -rf /]' at 'instanceIds'")
        .contains("Member must satisfy regular expression pattern")
        .contains(
            "at 'comment' failed to satisfy constraint: Member must have length less than or equal to 100");
  }

  @Test
  void deliveryTimeoutOutOfRangeIsAValidationError() {
    SsmException e =
        catchThrowableOfType(SsmException.class, () -> send(r -> r.timeoutSeconds(29)));

    assertThat(e.awsErrorDetails().errorMessage())
        .isEqualTo(
            "1 validation error detected: Value '29' at 'timeoutSeconds' failed to satisfy"
                + " constraint: Member must have value greater than or equal to 30.");
  }

  @Test
  void withoutInstancesOrTargetsNothingIsSent() {
    SsmException e =
        catchThrowableOfType(
            SsmException.class,
            () ->
                ssm.sendCommand(
                    r ->
                        r.documentName("AWS-RunShellScript")
                            .parameters(Map.of("commands", List.of("true")))));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  @Test
  void instanceIdTargetsAreResolvedOtherTargetsAreNot() {
    String commandId =
        ssm.sendCommand(
                r ->
                    r.documentName("AWS-RunShellScript")
                        .targets(t -> t.key("InstanceIds").values(headNode))
                        .parameters(Map.of("commands", List.of("echo targeted"))))
            .command()
            .commandId();
    assertThat(Ssm.awaitEnd(ssm, commandId, headNode).standardOutputContent())
        .isEqualTo("targeted\n");

    assertThat(
            catchThrowableOfType(
                InvalidTargetException.class,
                () -> send(r -> r.instanceIds().targets(t -> t.key("tag:Name").values("x")))))
        .isNotNull();
  }

  @Test
  void otherDocumentsAreInvalidDocument() {
    InvalidDocumentException e =
        catchThrowableOfType(
            InvalidDocumentException.class,
            () -> send(r -> r.documentName("AWS-RunPowerShellScript")));
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidDocument");
  }

  @Test
  void documentParametersAreChecked() {
    assertThat(invalidParameters(Map.of("command", List.of("true"))))
        .contains("\"command\" is not declared");
    assertThat(invalidParameters(Map.of("commands", List.of())))
        .contains("\"commands\" is required");
    assertThat(
            invalidParameters(
                Map.of("commands", List.of("true"), "executionTimeout", List.of("10; reboot"))))
        .contains("executionTimeout");
    assertThat(
            invalidParameters(
                Map.of("commands", List.of("true"), "executionTimeout", List.of("172801"))))
        .contains("executionTimeout");
    assertThat(
            invalidParameters(
                Map.of("commands", List.of("true"), "workingDirectory", List.of("/a", "/b"))))
        .contains("exactly one value");
    assertThat(
            invalidParameters(
                Map.of("commands", List.of("true"), "workingDirectory", List.of("d".repeat(4097)))))
        .contains("4096");
  }

  @Test
  void getCommandInvocationOfUnknownCommandOrInstance() {
    InvocationDoesNotExistException unknown =
        catchThrowableOfType(
            InvocationDoesNotExistException.class,
            () -> ssm.getCommandInvocation(r -> r.commandId(UNKNOWN_COMMAND).instanceId(headNode)));
    assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvocationDoesNotExist");
    assertThat(unknown.awsErrorDetails().errorMessage()).isNull();

    String commandId = Ssm.send(ssm, headNode, List.of("true"));
    assertThat(
            catchThrowableOfType(
                InvocationDoesNotExistException.class,
                () ->
                    ssm.getCommandInvocation(
                        r -> r.commandId(commandId).instanceId("i-0123456789abcdef0"))))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                InvalidPluginNameException.class,
                () ->
                    ssm.getCommandInvocation(
                        r -> r.commandId(commandId).instanceId(headNode).pluginName("aws:other"))))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                SsmException.class,
                () -> ssm.getCommandInvocation(r -> r.commandId("short").instanceId(headNode))))
        .extracting(e -> e.awsErrorDetails().errorCode())
        .isEqualTo("ValidationException");
  }

  @Test
  void cancelOfUnknownCommandIsInvalidCommandId() {
    assertThat(
            catchThrowableOfType(
                InvalidCommandIdException.class,
                () -> ssm.cancelCommand(r -> r.commandId(UNKNOWN_COMMAND))))
        .isNotNull();
  }

  @Test
  void listingWithAForeignTokenOrFilterIsRefused() {
    assertThat(
            catchThrowableOfType(
                InvalidNextTokenException.class,
                () -> ssm.listCommandInvocations(r -> r.nextToken("bm90LWEtdG9rZW4"))))
        .isNotNull();
    SsmException badKey =
        catchThrowableOfType(
            SsmException.class,
            () -> ssm.listCommandInvocations(r -> r.filters(f -> f.key("Color").value("red"))));
    assertThat(badKey.awsErrorDetails().errorCode()).isEqualTo("InvalidFilterKey");
  }

  @Test
  void wrongSecretIsInvalidSignature() {
    try (SsmClient forged =
        Ssm.client(emulator, EmulatorConfig.DEFAULT_ACCESS_KEY_ID, "not-the-secret")) {
      SsmException e =
          catchThrowableOfType(
              SsmException.class, () -> forged.listCommandInvocations(r -> r.instanceId(headNode)));
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
      assertThat(e.awsErrorDetails().errorMessage())
          .startsWith("The request signature we calculated does not match");
    }
  }

  @Test
  void unknownAccessKeyIsUnrecognizedClient() {
    try (SsmClient stranger = Ssm.client(emulator, "AKIASTRANGER0000000", "whatever")) {
      SsmException e =
          catchThrowableOfType(
              SsmException.class, () -> Ssm.send(stranger, headNode, List.of("touch /tmp/never")));
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
      assertThat(e.awsErrorDetails().errorMessage())
          .isEqualTo("The security token included in the request is invalid.");
    }
  }

  @Test
  void unsignedRequestIsMissingAuthenticationToken() {
    Api.Response unsigned = Ssm.rawUnsigned(emulator, "AmazonSSM.ListCommandInvocations", "{}");
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.json().path("__type").asText())
        .isEqualTo("MissingAuthenticationTokenException");
    assertThat(unsigned.json().path("message").asText()).isEqualTo("Missing Authentication Token");
  }

  @Test
  void signatureForTheParallelClusterApiIsNotOneForSsm() {
    Api.Response response =
        Ssm.raw(emulator, "AmazonSSM.ListCommandInvocations", "{}", "execute-api");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("__type").asText()).isEqualTo("InvalidSignatureException");
    assertThat(response.json().path("message").asText())
        .isEqualTo("Credential should be scoped to correct service: 'ssm'. ");
  }

  @Test
  void unknownOperationsAndBadBodies() {
    Api.Response unknown = Ssm.raw(emulator, "AmazonSSM.DescribeInstanceInformation", "{}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("__type").asText()).isEqualTo("UnknownOperationException");
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.1");

    Api.Response notJson = Ssm.raw(emulator, "AmazonSSM.SendCommand", "{\"DocumentName\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().path("__type").asText()).isEqualTo("SerializationException");

    Api.Response wrongType =
        Ssm.raw(emulator, "AmazonSSM.SendCommand", "{\"InstanceIds\": \"" + headNode + "\"}");
    assertThat(wrongType.json().path("__type").asText()).isEqualTo("SerializationException");
    assertThat(wrongType.json().path("message").asText())
        .isEqualTo("InstanceIds must be a list of strings.");

    Api.Response array = Ssm.raw(emulator, "AmazonSSM.SendCommand", "[]");
    assertThat(array.json().path("__type").asText()).isEqualTo("SerializationException");
  }

  @Test
  void invocationsAreUnknownUntilDelivered() {
    EmulatorConfig delayed =
        EmulatorConfig.builder()
            .createDuration(Duration.ofMillis(200))
            .ssmDeliveryDelay(Duration.ofSeconds(2))
            .build();
    try (PclusterEmulator slow = PclusterEmulator.start(delayed);
        SsmClient client = Ssm.client(slow)) {
      String node = Ssm.clusterWithRunningHeadNode(Api.signed(slow), "delayed");
      String commandId = Ssm.send(client, node, List.of("echo delivered"));

      assertThat(
              catchThrowableOfType(
                  InvocationDoesNotExistException.class,
                  () -> client.getCommandInvocation(r -> r.commandId(commandId).instanceId(node))))
          .isNotNull();
      assertThat(client.listCommandInvocations(r -> r.commandId(commandId)).commandInvocations())
          .isEmpty();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  !client
                      .listCommandInvocations(r -> r.commandId(commandId))
                      .commandInvocations()
                      .isEmpty());
      assertThat(Ssm.awaitEnd(client, commandId, node).standardOutputContent())
          .isEqualTo("delivered\n");
    }
  }

  private static void send(Consumer<SendCommandRequest.Builder> change) {
    SendCommandRequest.Builder request =
        SendCommandRequest.builder()
            .documentName("AWS-RunShellScript")
            .instanceIds(headNode)
            .parameters(Map.of("commands", List.of("true")));
    change.accept(request);
    ssm.sendCommand(request.build());
  }

  private static String invalidParameters(Map<String, List<String>> parameters) {
    InvalidParametersException e =
        catchThrowableOfType(
            InvalidParametersException.class, () -> send(r -> r.parameters(parameters)));
    assertThat(e).as("InvalidParameters for %s", parameters.keySet()).isNotNull();
    return e.awsErrorDetails().errorMessage();
  }
}
