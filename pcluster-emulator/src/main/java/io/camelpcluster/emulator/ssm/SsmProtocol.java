package io.camelpcluster.emulator.ssm;

import io.camelpcluster.emulator.server.Call;
import io.camelpcluster.emulator.server.HttpResult;
import io.camelpcluster.emulator.server.Protocol;
import io.camelpcluster.emulator.server.ReceivedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSM's AWS JSON 1.1 protocol: {@code POST /} with {@code X-Amz-Target: AmazonSSM.<Operation>},
 * signed for the service {@code ssm}. Answers SendCommand, GetCommandInvocation,
 * ListCommandInvocations and CancelCommand; any other operation is an {@code
 * UnknownOperationException}. Errors, refused signatures included, are AWS JSON errors. No fault
 * injection (its faults have API Gateway's shape).
 */
public final class SsmProtocol implements Protocol {
  /** The SigV4 service name of SSM. */
  public static final String SIGNING_SERVICE = "ssm";

  static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private static final Logger LOG = LoggerFactory.getLogger(SsmProtocol.class);
  private static final String TARGET_PREFIX = "AmazonSSM.";

  private final SsmService service;

  public SsmProtocol(SsmService service) {
    this.service = service;
  }

  @Override
  public Optional<Call> resolve(ReceivedRequest request) {
    Optional<String> target =
        request.headers().getOrDefault("x-amz-target", List.of()).stream().findFirst();
    if (!request.method().equals("POST")
        || !"/".equals(request.rawPath())
        || target.isEmpty()
        || !target.get().startsWith(TARGET_PREFIX)) {
      return Optional.empty();
    }
    String operation = target.get().substring(TARGET_PREFIX.length());
    return Optional.of(
        new Call(
            SIGNING_SERVICE,
            false,
            false,
            () -> run(operation, request.body()),
            rejected -> SsmException.signatureRejected(rejected).toResult()));
  }

  private HttpResult run(String operation, byte[] body) {
    LOG.debug("Serving SSM {}", operation);
    try {
      Object result =
          switch (operation) {
            case "SendCommand" -> service.send(JsonInput.parse(body));
            case "GetCommandInvocation" -> service.get(JsonInput.parse(body));
            case "ListCommandInvocations" -> service.list(JsonInput.parse(body));
            case "CancelCommand" -> service.cancel(JsonInput.parse(body));
            default -> throw SsmException.unknownOperation();
          };
      return new HttpResult(200, Map.of("Content-Type", CONTENT_TYPE), SsmJson.bytes(result));
    } catch (SsmException e) {
      LOG.debug("SSM {} refused: {} {}", operation, e.code(), e.getMessage());
      return e.toResult();
    } catch (RuntimeException e) {
      LOG.error("Unexpected error while serving SSM {}", operation, e);
      return SsmException.internal().toResult();
    }
  }
}
