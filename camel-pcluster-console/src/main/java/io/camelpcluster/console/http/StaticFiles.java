package io.camelpcluster.console.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Serves the single-page UI from the jar ({@value #FOLDER}): a fixed set of files, so a request can
 * never name anything else. The page gets the API's path through a {@code <meta>} tag; it holds no
 * data, so it is served without authentication (the API it calls requires it).
 */
public final class StaticFiles implements Processor {

  /** The classpath folder of the UI. */
  public static final String FOLDER = "camel-pcluster-console/web/";

  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "app.js", "text/javascript; charset=utf-8",
          "app.css", "text/css; charset=utf-8");

  private final Map<String, String> files;

  /**
   * @param uiPath the path the page is served at (its links are absolute)
   * @param apiPath the path of the REST API, written into the page
   */
  public StaticFiles(String uiPath, String apiPath) {
    this.files =
        Map.of(
            "index.html",
            read("index.html").replace("{{uiPath}}", uiPath).replace("{{apiPath}}", apiPath),
            "app.js",
            read("app.js"),
            "app.css",
            read("app.css"));
  }

  @Override
  public void process(Exchange exchange) {
    String file = exchange.getMessage().getHeader("file", "index.html", String.class);
    String content = files.get(file);
    if (content == null) {
      ResponseHeaders.write(exchange, 404, "text/plain; charset=utf-8", List.of());
      exchange.getMessage().setBody("not found");
      return;
    }
    ResponseHeaders.write(exchange, 200, TYPES.get(file), List.of());
    exchange.getMessage().setBody(content);
  }

  private static String read(String name) {
    try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("the console's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
