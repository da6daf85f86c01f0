package io.camelpcluster.pcluster.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camelpcluster.emulator.auth.CredentialStore;
import io.camelpcluster.emulator.auth.SigV4Verifier;
import io.camelpcluster.emulator.auth.SignedRequest;
import io.camelpcluster.emulator.auth.Verdict;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A scripted stand-in for the API on a local JDK HTTP server, for cases the emulator cannot stage
 * (connection failures, hanging answers, odd bodies). Every request is checked with the emulator's
 * SigV4 verifier (service {@code execute-api}, region {@value #REGION}) and recorded; each {@code
 * METHOD path} answers its scripted replies in turn, repeating the last one.
 */
final class StubApi implements AutoCloseable {
  static final String REGION = "eu-west-1";
  static final String ACCESS_KEY = "AKIDSTUB";
  static final String SECRET = "stub-secret-key";

  /** A scripted answer; {@code hang} keeps the exchange open until the stub closes. */
  record Reply(int status, String body, Map<String, String> headers, boolean hang) {
    static Reply json(int status, String body) {
      return new Reply(status, body, Map.of("Content-Type", "application/json"), false);
    }

    static Reply error(int status, String message) {
      return json(status, "{\"message\":\"" + message + "\"}");
    }

    static Reply hanging() {
      return new Reply(0, null, Map.of(), true);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> more = new java.util.HashMap<>(headers);
      more.put(name, value);
      return new Reply(status, body, more, hang);
    }
  }

  /** A request as received; {@code nanos} is {@link System#nanoTime()} on arrival. */
  record Recorded(String method, String rawPath, String rawQuery, String body, long nanos) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Deque<Reply>> script = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final SigV4Verifier verifier =
      new SigV4Verifier(
          new CredentialStore()
              .add(ACCESS_KEY, SECRET)
              .add("ASIASTUB", SECRET, "stub-session-token"),
          REGION,
          "execute-api",
          Clock.systemUTC());

  StubApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The stage URL, e.g. {@code http://127.0.0.1:1234/prod}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prod");
  }

  /** Scripts the replies of {@code method} on {@code path} (under {@code /prod/v3}). */
  StubApi on(String method, String path, Reply... replies) {
    script.put(method + " /prod/v3" + path, new ArrayDeque<>(List.of(replies)));
    return this;
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<Recorded> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.rawPath().equals("/prod/v3" + path))
        .toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    URI uri = exchange.getRequestURI();
    String method = exchange.getRequestMethod();
    requests.add(
        new Recorded(
            method,
            uri.getRawPath(),
            uri.getRawQuery(),
            new String(body, StandardCharsets.UTF_8),
            System.nanoTime()));
    Verdict verdict =
        verifier.verify(
            new SignedRequest(
                method, uri.getRawPath(), uri.getRawQuery(), exchange.getRequestHeaders(), body));
    Reply reply =
        verdict instanceof Verdict.Rejected rejected
            ? Reply.error(rejected.status(), rejected.message())
            : next(method + " " + uri.getRawPath());
    if (reply.hang()) {
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] answer =
        reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private Reply next(String key) {
    Deque<Reply> replies = script.get(key);
    if (replies == null) {
      return Reply.error(404, "no stub for " + key);
    }
    synchronized (replies) {
      return replies.size() > 1 ? replies.poll() : replies.peek();
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  static List<Long> gapsMillis(List<Recorded> recorded) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < recorded.size(); i++) {
      gaps.add(
          TimeUnit.NANOSECONDS.toMillis(recorded.get(i).nanos() - recorded.get(i - 1).nanos()));
    }
    return gaps;
  }
}
