package io.camelpcluster.emulator.server;

import java.util.Optional;

/**
 * One wire protocol served by the emulator (the ParallelCluster REST API, presigned object
 * downloads, and later others such as AWS JSON 1.1 services). Protocols are asked in order; the
 * first that recognises a request runs it.
 */
public interface Protocol {

  /** The call for this request, or empty when this protocol does not serve it. */
  Optional<Call> resolve(ReceivedRequest request);
}
