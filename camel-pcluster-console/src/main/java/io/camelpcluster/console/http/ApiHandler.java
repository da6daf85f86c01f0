package io.camelpcluster.console.http;

/** One REST operation of the console: an authenticated request in, a value to send as JSON out. */
@FunctionalInterface
public interface ApiHandler {
  Object handle(ApiRequest request) throws Exception;
}
