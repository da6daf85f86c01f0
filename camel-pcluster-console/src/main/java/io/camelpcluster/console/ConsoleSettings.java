package io.camelpcluster.console;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.camel.util.TimeUtils;

/**
 * The console's configuration, from Camel properties under {@value #PREFIX} ({@link
 * #fromProperties}) or a {@link #builder()}.
 *
 * @param enabled whether the console is served at all (false by default)
 * @param contextPath where the UI is served; the REST API is under {@code contextPath/api}
 * @param templates cluster configuration templates offered by the create form: a name for each
 *     location ({@code classpath:}, {@code file:}, {@code bean:}); the browser only ever names one
 * @param users HTTP Basic users: name to password (plain or {@code {pbkdf2}...})
 * @param tokens bearer tokens: principal name to token
 * @param authenticator the name of a {@code ConsoleAuthenticator} bean to use instead of users and
 *     tokens, or null
 * @param cacheTtl how long the cluster list is reused before the API is asked again
 * @param jobsDirectory the working directory (relative to the cluster user's home) of jobs
 *     submitted from the console, where their output is found
 * @param resultsUrl where pipeline results can be browsed: the URL-encoded result prefix of a run
 *     is appended (e.g. {@code https://s3.console.aws.amazon.com/s3/buckets/my-results?prefix=});
 *     null shows the prefix as text
 */
public record ConsoleSettings(
    boolean enabled,
    String contextPath,
    Map<String, String> templates,
    Map<String, String> users,
    Map<String, String> tokens,
    String authenticator,
    Duration cacheTtl,
    String jobsDirectory,
    String resultsUrl) {

  /** The prefix of the console's Camel properties. */
  public static final String PREFIX = "camel.pcluster.console.";

  public static final String DEFAULT_CONTEXT_PATH = "/pcluster";
  public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);
  public static final String DEFAULT_JOBS_DIRECTORY = "pcluster-console-jobs";

  private static final Pattern CONTEXT_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern RELATIVE_DIRECTORY =
      Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  public ConsoleSettings {
    Objects.requireNonNull(contextPath, "contextPath");
    if (!CONTEXT_PATH.matcher(contextPath).matches() || contextPath.contains("/..")) {
      throw new IllegalArgumentException(
          "camel.pcluster.console.contextPath must be like /pcluster (segments of letters, digits,"
              + " '.', '_', '~', '-'; no trailing slash), got: "
              + contextPath);
    }
    templates = Map.copyOf(templates);
    templates.keySet().forEach(name -> requireName("template", name));
    users = Map.copyOf(users);
    tokens = Map.copyOf(tokens);
    if (cacheTtl == null || cacheTtl.isNegative()) {
      throw new IllegalArgumentException("camel.pcluster.console.cacheTtl must not be negative");
    }
    Objects.requireNonNull(jobsDirectory, "jobsDirectory");
    if (!RELATIVE_DIRECTORY.matcher(jobsDirectory).matches()
        || jobsDirectory.equals("..")
        || jobsDirectory.startsWith("../")
        || jobsDirectory.contains("/../")
        || jobsDirectory.endsWith("/..")) {
      throw new IllegalArgumentException(
          "camel.pcluster.console.jobsDirectory must be a relative path without '..', got: "
              + jobsDirectory);
    }
    if (resultsUrl != null
        && !(resultsUrl.startsWith("https://") || resultsUrl.startsWith("http://"))) {
      throw new IllegalArgumentException(
          "camel.pcluster.console.resultsUrl must be an http(s) URL, got: " + resultsUrl);
    }
  }

  /** The settings of a console that is off. */
  public static ConsoleSettings disabled() {
    return builder().build();
  }

  /** The path of the REST API. */
  public String apiPath() {
    return contextPath + "/api";
  }

  /**
   * Reads the settings from properties named {@value #PREFIX}KEY, with KEY one of {@code enabled},
   * {@code contextPath}, {@code cacheTtl} ({@code 5s}, {@code PT5S} or milliseconds), {@code
   * jobsDirectory}, {@code resultsUrl}, {@code authenticator}, {@code templates.NAME}, {@code
   * users.NAME}, {@code tokens.NAME} (kebab-case {@code context-path} works too). Other properties
   * are ignored; an unknown KEY under the prefix is an error.
   */
  public static ConsoleSettings fromProperties(Map<String, String> properties) {
    Builder builder = builder();
    properties.forEach(
        (name, value) -> {
          if (!name.startsWith(PREFIX)) {
            return;
          }
          String key = name.substring(PREFIX.length());
          String trimmed = value == null ? "" : value.trim();
          int dot = key.indexOf('.');
          String head = normalise(dot < 0 ? key : key.substring(0, dot));
          String rest = dot < 0 ? null : key.substring(dot + 1);
          switch (head) {
            case "enabled" -> builder.enabled(parseBoolean(name, trimmed));
            case "contextpath" -> builder.contextPath(trimmed);
            case "cachettl" -> builder.cacheTtl(parseDuration(name, trimmed));
            case "jobsdirectory" -> builder.jobsDirectory(trimmed);
            case "resultsurl" -> builder.resultsUrl(trimmed.isEmpty() ? null : trimmed);
            case "authenticator" -> builder.authenticator(trimmed.isEmpty() ? null : trimmed);
            case "templates" -> builder.template(requireKey(name, rest), trimmed);
            case "users" -> builder.user(requireKey(name, rest), value);
            case "tokens" -> builder.token(requireKey(name, rest), value);
            default -> throw new IllegalArgumentException("unknown console property: " + name);
          }
        });
    return builder.build();
  }

  private static String normalise(String key) {
    return key.replace("-", "").toLowerCase(Locale.ROOT);
  }

  private static String requireKey(String property, String key) {
    if (key == null || key.isEmpty()) {
      throw new IllegalArgumentException(property + " needs a name after the dot");
    }
    return key;
  }

  private static boolean parseBoolean(String property, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(property + " must be true or false, got: " + value);
    };
  }

  private static Duration parseDuration(String property, String value) {
    try {
      return value.startsWith("P") || value.startsWith("p")
          ? Duration.parse(value)
          : TimeUtils.toDuration(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          property + " must be a duration such as 5s or PT5S, got: " + value, e);
    }
  }

  private static void requireName(String what, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a console " + what + " name must be 1-64 letters, digits, '.', '_' or '-': " + name);
    }
  }

  @Override
  public String toString() {
    // users and tokens hold secrets: only their names are shown
    return "ConsoleSettings[enabled="
        + enabled
        + ", contextPath="
        + contextPath
        + ", templates="
        + templates.keySet()
        + ", users="
        + users.keySet()
        + ", tokens="
        + tokens.keySet()
        + ", authenticator="
        + authenticator
        + ", cacheTtl="
        + cacheTtl
        + ", jobsDirectory="
        + jobsDirectory
        + ", resultsUrl="
        + resultsUrl
        + "]";
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ConsoleSettings}; everything is optional, the console is off by default. */
  public static final class Builder {
    private boolean enabled;
    private String contextPath = DEFAULT_CONTEXT_PATH;
    private final Map<String, String> templates = new LinkedHashMap<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String authenticator;
    private Duration cacheTtl = DEFAULT_CACHE_TTL;
    private String jobsDirectory = DEFAULT_JOBS_DIRECTORY;
    private String resultsUrl;

    private Builder() {}

    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    public Builder contextPath(String contextPath) {
      this.contextPath = contextPath;
      return this;
    }

    public Builder template(String name, String location) {
      if (location == null || location.isBlank()) {
        throw new IllegalArgumentException("console template " + name + " needs a location");
      }
      templates.put(name, location);
      return this;
    }

    public Builder user(String name, String password) {
      users.put(name, password);
      return this;
    }

    public Builder token(String name, String token) {
      tokens.put(name, token);
      return this;
    }

    public Builder authenticator(String beanName) {
      this.authenticator = beanName;
      return this;
    }

    public Builder cacheTtl(Duration cacheTtl) {
      this.cacheTtl = cacheTtl;
      return this;
    }

    public Builder jobsDirectory(String jobsDirectory) {
      this.jobsDirectory = jobsDirectory;
      return this;
    }

    public Builder resultsUrl(String resultsUrl) {
      this.resultsUrl = resultsUrl;
      return this;
    }

    public ConsoleSettings build() {
      return new ConsoleSettings(
          enabled,
          contextPath,
          templates,
          users,
          tokens,
          authenticator,
          cacheTtl,
          jobsDirectory,
          resultsUrl);
    }
  }
}
