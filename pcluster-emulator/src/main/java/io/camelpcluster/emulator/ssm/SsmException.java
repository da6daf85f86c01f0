package io.camelpcluster.emulator.ssm;

import io.camelpcluster.emulator.auth.Verdict;
import io.camelpcluster.emulator.server.HttpResult;
import io.camelpcluster.emulator.state.Ids;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answer of the SSM API in the AWS JSON 1.1 shape: HTTP 400 (500 for server faults) with
 * {@code {"__type": code, "Message": ...}}. Errors SSM models name their text {@code Message}; the
 * errors every AWS JSON service shares (validation, serialisation, signatures) name it {@code
 * message}. Codes and texts are those the service answers; SSM answers several of its own errors
 * without any text, and so does this.
 */
final class SsmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String messageField;

  private SsmException(int status, String code, String messageField, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.messageField = messageField;
  }

  private static SsmException modeled(String code, String message) {
    return new SsmException(400, code, "Message", message);
  }

  private static SsmException common(String code, String message) {
    return new SsmException(400, code, "message", message);
  }

  /** The error code, i.e. {@code __type}. */
  String code() {
    return code;
  }

  /** The answer. */
  HttpResult toResult() {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("__type", code);
    if (getMessage() != null) {
      body.put(messageField, getMessage());
    }
    return HttpResult.json(status, body)
        .withHeader("Content-Type", SsmProtocol.CONTENT_TYPE)
        .withHeader("x-amzn-ErrorType", code);
  }

  /** SendCommand to instances that are not online managed nodes (unknown, stopped, gone). */
  static SsmException invalidInstanceId(List<String> instanceIds) {
    return modeled(
        "InvalidInstanceId",
        "Instances [" + instanceIds + "] not in a valid state for account " + Ids.ACCOUNT);
  }

  /** GetCommandInvocation of a command or instance without such an invocation. */
  static SsmException invocationDoesNotExist() {
    return modeled("InvocationDoesNotExist", null);
  }

  /** CancelCommand of an unknown command. */
  static SsmException invalidCommandId() {
    return modeled("InvalidCommandId", null);
  }

  /** A document the account does not have. */
  static SsmException invalidDocument() {
    return modeled("InvalidDocument", null);
  }

  /** Document parameters that the document does not accept. */
  static SsmException invalidParameters(String message) {
    return modeled("InvalidParameters", message);
  }

  /** A plugin the document does not have. */
  static SsmException invalidPluginName() {
    return modeled("InvalidPluginName", null);
  }

  /** A pagination token this listing did not hand out. */
  static SsmException invalidNextToken() {
    return modeled("InvalidNextToken", "The specified token is not valid.");
  }

  /** A filter key or value the listing does not know. */
  static SsmException invalidFilterKey(String message) {
    return modeled("InvalidFilterKey", message);
  }

  /** Targets that name no instances (the emulator resolves only {@code InstanceIds} targets). */
  static SsmException invalidTarget(String message) {
    return modeled("InvalidTarget", message);
  }

  /** Members that break their constraints, one sentence each. */
  static SsmException validation(List<String> problems) {
    return common(
        "ValidationException",
        problems.size()
            + (problems.size() == 1 ? " validation error" : " validation errors")
            + " detected: "
            + String.join("; ", problems)
            + ".");
  }

  /** A body that is not the JSON the operation takes. */
  static SsmException serialization(String message) {
    return common("SerializationException", message);
  }

  /** An {@code X-Amz-Target} naming no operation of the service (or one not emulated). */
  static SsmException unknownOperation() {
    return common("UnknownOperationException", null);
  }

  /** An unexpected failure of the emulator itself. */
  static SsmException internal() {
    return new SsmException(500, "InternalServerError", "Message", null);
  }

  /**
   * A refused signature as AWS JSON services answer it: the verifier's text with the code that goes
   * with it.
   */
  static SsmException signatureRejected(Verdict.Rejected rejected) {
    String message = rejected.message();
    String code;
    if (message.equals("Missing Authentication Token")) {
      code = "MissingAuthenticationTokenException";
    } else if (message.startsWith("The security token included in the request is invalid")) {
      code = "UnrecognizedClientException";
    } else if (message.startsWith("The request signature we calculated")
        || message.startsWith("Signature expired")
        || message.startsWith("Signature not yet current")
        || message.startsWith("Credential should be scoped")
        || message.startsWith("Date in Credential scope")) {
      code = "InvalidSignatureException";
    } else {
      code = "IncompleteSignatureException";
    }
    return common(code, message);
  }
}
