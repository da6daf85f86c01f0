package io.camelpcluster.pcluster.template;

import io.camelpcluster.pcluster.api.SafeYaml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads cluster templates from locations: {@code classpath:templates/slurm.yaml}, {@code
 * file:/etc/hpc/slurm.yaml} (or {@code file:///...}), or a plain file path. Other prefixes (for
 * example the Camel component's bean references) are added with {@link #withReader}. A location
 * that looks like an unregistered scheme ({@code http:...}) is rejected rather than read as a file.
 * Text is read as strict UTF-8, at most {@link #MAX_BYTES} bytes.
 */
public final class TemplateLoader {

  /** Reads the text found at a location, given the part after its prefix. */
  @FunctionalInterface
  public interface Reader {
    /**
     * @return the template text, never null
     * @throws NoSuchFileException when nothing is found there (reported as "not found")
     * @throws IOException when it cannot be read
     */
    String read(String remainder) throws IOException;
  }

  /** Largest template read, in bytes: enough for SafeYaml's code-point limit in any encoding. */
  public static final int MAX_BYTES = SafeYaml.MAX_CODE_POINTS * 4;

  private static final Pattern SCHEME =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);

  private final Map<String, Reader> readers;

  private TemplateLoader(Map<String, Reader> readers) {
    this.readers = Collections.unmodifiableMap(new LinkedHashMap<>(readers));
  }

  /**
   * A loader for {@code classpath:}, {@code file:} and plain paths, using this library's class
   * loader.
   */
  public static TemplateLoader standard() {
    return standard(TemplateLoader.class.getClassLoader());
  }

  /**
   * A loader for {@code classpath:}, {@code file:} and plain paths, using the given class loader.
   */
  public static TemplateLoader standard(ClassLoader classLoader) {
    Objects.requireNonNull(classLoader, "classLoader");
    Map<String, Reader> readers = new LinkedHashMap<>();
    readers.put("classpath:", path -> readClasspath(classLoader, path));
    readers.put("file:", TemplateLoader::readFileLocation);
    return new TemplateLoader(readers);
  }

  /**
   * A loader that also reads locations starting with {@code prefix} (such as {@code bean:} or
   * {@code #bean:}) with {@code reader}; the longest matching prefix wins.
   */
  public TemplateLoader withReader(String prefix, Reader reader) {
    if (prefix == null || prefix.isEmpty()) {
      throw new IllegalArgumentException("a template location prefix cannot be empty");
    }
    Objects.requireNonNull(reader, "reader");
    Map<String, Reader> copy = new LinkedHashMap<>(readers);
    copy.put(prefix, reader);
    return new TemplateLoader(copy);
  }

  /** Reads the template text at a location. */
  public TemplateSource read(String location) {
    if (location == null || location.isBlank()) {
      throw new TemplateException("a template location is required");
    }
    String shown = TemplateException.quote(location);
    Reader reader = null;
    String remainder = location;
    String prefix =
        readers.keySet().stream()
            .filter(location::startsWith)
            .max(Comparator.comparingInt(String::length))
            .orElse(null);
    if (prefix != null) {
      reader = readers.get(prefix);
      remainder = location.substring(prefix.length());
    } else if (SCHEME.matcher(location).matches()) {
      throw new TemplateException(
          "template location "
              + shown
              + " has an unsupported scheme; use one of "
              + String.join(", ", readers.keySet())
              + " or a file path");
    } else {
      reader = TemplateLoader::readFile;
    }
    try {
      String text = reader.read(remainder);
      if (text == null) {
        throw new NoSuchFileException(remainder);
      }
      return new TemplateSource(location, text);
    } catch (NoSuchFileException e) {
      throw new TemplateException("template " + shown + " not found", e);
    } catch (UnreadableText e) {
      throw new TemplateException("template " + shown + " " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
      throw new TemplateException(
          "template " + shown + " cannot be read: " + e.getClass().getSimpleName() + detail, e);
    }
  }

  /** Reads and parses the template at a location. */
  public ClusterTemplate load(String location) {
    return ClusterTemplate.parse(read(location));
  }

  private static String readClasspath(ClassLoader classLoader, String path) throws IOException {
    String resource = path.startsWith("/") ? path.substring(1) : path;
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new NoSuchFileException(path);
      }
      return decode(in.readNBytes(MAX_BYTES + 1));
    }
  }

  private static String readFileLocation(String remainder) throws IOException {
    Path path =
        remainder.startsWith("//")
            ? Path.of(URI.create("file:" + remainder))
            : Path.of(remainder.isEmpty() ? "." : remainder);
    return readPath(path);
  }

  private static String readFile(String location) throws IOException {
    return readPath(Path.of(location));
  }

  private static String readPath(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      throw new IOException(path + " is a directory");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return decode(in.readNBytes(MAX_BYTES + 1));
    }
  }

  private static String decode(byte[] bytes) throws UnreadableText {
    if (bytes.length > MAX_BYTES) {
      throw new UnreadableText("is larger than " + MAX_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new UnreadableText("is not valid UTF-8 text");
    }
  }

  /** Bytes were read but are not acceptable template text. */
  private static final class UnreadableText extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableText(String message) {
      super(message);
    }
  }
}
