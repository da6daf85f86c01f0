package io.camelpcluster.pcluster;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The handler of every producer operation. */
final class OperationHandlers {

  private static final Map<PclusterOperations, OperationHandler> HANDLERS = create();

  private OperationHandlers() {}

  /**
   * The handler of an operation.
   *
   * @throws IllegalArgumentException for an operation a producer cannot perform
   */
  static OperationHandler of(PclusterOperations operation) {
    OperationHandler handler = HANDLERS.get(operation);
    if (handler == null) {
      throw new IllegalArgumentException(
          operation
              + " is not a producer operation: use it in from(\"pcluster:"
              + operation
              + "\")");
    }
    return handler;
  }

  private static Map<PclusterOperations, OperationHandler> create() {
    Map<PclusterOperations, OperationHandler> handlers = new EnumMap<>(PclusterOperations.class);
    ClusterHandlers.register(handlers);
    FleetHandlers.register(handlers);
    LogHandlers.register(handlers);
    ImageHandlers.register(handlers);
    return Collections.unmodifiableMap(handlers);
  }
}
