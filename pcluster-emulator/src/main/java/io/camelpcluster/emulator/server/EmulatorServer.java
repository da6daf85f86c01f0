package io.camelpcluster.emulator.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP plumbing: a JDK {@link HttpServer} bound to a local address, a bounded worker pool, and
 * one handler that reads each request, hands it to the {@link RequestPipeline} and writes the
 * answer.
 */
public final class EmulatorServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);

  /** API Gateway's payload limit. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** How much of an oversized body is read and dropped before the connection is cut. */
  private static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;

  private static final int BACKLOG = 4096;
  private static final int WORKERS = 32;
  private static final int QUEUE = 8192;

  private final HttpServer server;
  private final ThreadPoolExecutor workers;

  private EmulatorServer(HttpServer server, ThreadPoolExecutor workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Binds the address now, so that the port is known before the handler is set up. */
  public static EmulatorServer bind(InetSocketAddress address) throws IOException {
    HttpServer server = HttpServer.create(address, BACKLOG);
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            WORKERS,
            WORKERS,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            daemonThreads(),
            new ThreadPoolExecutor.CallerRunsPolicy());
    workers.allowCoreThreadTimeOut(true);
    server.setExecutor(workers);
    return new EmulatorServer(server, workers);
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Starts serving.
   *
   * @param pipeline answers the requests
   * @param clock stamps the requests
   * @param onAnswered told about every request and its status, just before the answer is sent
   */
  public void start(
      RequestPipeline pipeline, Clock clock, BiConsumer<ReceivedRequest, Integer> onAnswered) {
    server.createContext("/", exchange -> serve(exchange, pipeline, clock, onAnswered));
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  private static void serve(
      HttpExchange exchange,
      RequestPipeline pipeline,
      Clock clock,
      BiConsumer<ReceivedRequest, Integer> onAnswered) {
    try (exchange) {
      ReceivedRequest request = read(exchange, clock);
      HttpResult result =
          request.body().length > MAX_BODY_BYTES
              ? HttpResult.error(413, "Request Too Long")
              : pipeline.handle(request);
      onAnswered.accept(request, result.status());
      write(exchange, result);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Connection failed while serving a request", e);
    }
  }

  private static ReceivedRequest read(HttpExchange exchange, Clock clock) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        discard(in);
      }
    }
    return new ReceivedRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        Map.copyOf(headers),
        body,
        clock.instant());
  }

  /** Reads what is left of an oversized body (up to a bound) so the 413 reaches the client. */
  private static void discard(InputStream in) throws IOException {
    long left = MAX_DISCARDED_BYTES;
    byte[] buffer = new byte[64 * 1024];
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }

  private static void write(HttpExchange exchange, HttpResult result) throws IOException {
    result.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    byte[] body = result.body();
    exchange.sendResponseHeaders(result.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "pcluster-emulator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
