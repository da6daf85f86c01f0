package io.camelpcluster.emulator;

import io.camelpcluster.emulator.model.PageSizes;
import io.camelpcluster.emulator.rest.Regions;
import io.camelpcluster.emulator.state.Durations;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** How a {@link PclusterEmulator} runs. Immutable; see {@link #builder()}. */
public final class EmulatorConfig {
  /** The access key id accepted when no credentials are configured. */
  public static final String DEFAULT_ACCESS_KEY_ID = "AKIAEMULATOR00000000";

  /** The secret access key accepted when no credentials are configured. */
  public static final String DEFAULT_SECRET_ACCESS_KEY = "emulator-secret-access-key";

  private static final Pattern STAGE = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

  private final int port;
  private final String host;
  private final String stage;
  private final String region;
  private final List<Credentials> credentials;
  private final boolean anonymous;
  private final Durations durations;
  private final Path stateDir;
  private final Clock clock;
  private final PageSizes pageSizes;
  private final Duration ssmDeliveryDelay;

  /**
   * A credential pair the emulator accepts.
   *
   * @param accessKeyId the access key id
   * @param secretAccessKey the secret access key
   * @param sessionToken the session token of temporary credentials, or null
   */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    /** Never shows the secret or the token. */
    @Override
    public String toString() {
      return "Credentials[accessKeyId=" + accessKeyId + "]";
    }
  }

  private EmulatorConfig(Builder b) {
    this.port = b.port;
    this.host = b.host;
    this.stage = b.stage;
    this.region = b.region;
    this.credentials =
        b.credentials.isEmpty()
            ? List.of(new Credentials(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY, null))
            : List.copyOf(b.credentials);
    this.anonymous = b.anonymous;
    this.durations =
        new Durations(
            b.createDuration,
            b.updateDuration,
            b.deleteDuration,
            b.imageBuildDuration,
            b.fleetTransitionDuration);
    this.stateDir = b.stateDir;
    this.clock = b.clock;
    this.pageSizes = b.pageSize == 0 ? PageSizes.aws() : PageSizes.all(b.pageSize);
    this.ssmDeliveryDelay = b.ssmDeliveryDelay;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The configuration with every default. */
  public static EmulatorConfig defaults() {
    return builder().build();
  }

  /** The port to bind, 0 for a free one. */
  public int port() {
    return port;
  }

  /** The address to bind. */
  public String host() {
    return host;
  }

  /** The API Gateway stage, the first path segment. */
  public String stage() {
    return stage;
  }

  /** The API's own region: the SigV4 signing region and the default region of operations. */
  public String region() {
    return region;
  }

  /** The credentials accepted (the default pair when none were configured). */
  public List<Credentials> credentials() {
    return credentials;
  }

  /** Whether requests are accepted without a signature. */
  public boolean anonymous() {
    return anonymous;
  }

  /** How long the emulated operations take. */
  public Durations durations() {
    return durations;
  }

  /** Where state is persisted, or null to keep it in memory only. */
  public Path stateDir() {
    return stateDir;
  }

  /** The clock of the emulator. */
  public Clock clock() {
    return clock;
  }

  /** Items per page of the paginated operations. */
  public PageSizes pageSizes() {
    return pageSizes;
  }

  /** How long an SSM command takes to reach its instance. */
  public Duration ssmDeliveryDelay() {
    return ssmDeliveryDelay;
  }

  /** Builds an {@link EmulatorConfig}. */
  public static final class Builder {
    private int port;
    private String host = "127.0.0.1";
    private String stage = "prod";
    private String region = "us-east-1";
    private final List<Credentials> credentials = new ArrayList<>();
    private boolean anonymous;
    private Duration createDuration = Duration.ofSeconds(5);
    private Duration updateDuration = Duration.ofSeconds(5);
    private Duration deleteDuration = Duration.ofSeconds(3);
    private Duration imageBuildDuration = Duration.ofSeconds(8);
    private Duration fleetTransitionDuration = Duration.ofSeconds(3);
    private Path stateDir;
    private Clock clock = Clock.systemUTC();
    private int pageSize;
    private Duration ssmDeliveryDelay = Duration.ZERO;

    private Builder() {}

    /** The port to bind; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be within 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to bind (default {@code 127.0.0.1}). */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The API Gateway stage (default {@code prod}). */
    public Builder stage(String stage) {
      if (stage == null || !STAGE.matcher(stage).matches()) {
        throw new IllegalArgumentException("stage must match " + STAGE + ": " + stage);
      }
      this.stage = stage;
      return this;
    }

    /** The API's own region (default {@code us-east-1}); must be a supported region. */
    public Builder region(String region) {
      if (!Regions.supported(region)) {
        throw new IllegalArgumentException("unsupported region: " + region);
      }
      this.region = region;
      return this;
    }

    /** Accepts a credential pair; may be called several times. */
    public Builder credentials(String accessKeyId, String secretAccessKey) {
      return credentials(accessKeyId, secretAccessKey, null);
    }

    /** Accepts temporary credentials; may be called several times. */
    public Builder credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
      if (accessKeyId == null || accessKeyId.isBlank()) {
        throw new IllegalArgumentException("accessKeyId is required");
      }
      if (secretAccessKey == null || secretAccessKey.isEmpty()) {
        throw new IllegalArgumentException("secretAccessKey is required");
      }
      credentials.add(new Credentials(accessKeyId, secretAccessKey, sessionToken));
      return this;
    }

    /** Accepts unsigned requests (default false: SigV4 signatures are required). */
    public Builder anonymous(boolean anonymous) {
      this.anonymous = anonymous;
      return this;
    }

    /** How long a cluster creation takes. */
    public Builder createDuration(Duration d) {
      this.createDuration = positive(d, "createDuration");
      return this;
    }

    /** How long a cluster update takes. */
    public Builder updateDuration(Duration d) {
      this.updateDuration = positive(d, "updateDuration");
      return this;
    }

    /** How long a cluster deletion (or a stack rollback or self-deletion) takes. */
    public Builder deleteDuration(Duration d) {
      this.deleteDuration = positive(d, "deleteDuration");
      return this;
    }

    /** How long an image build takes. */
    public Builder imageBuildDuration(Duration d) {
      this.imageBuildDuration = positive(d, "imageBuildDuration");
      return this;
    }

    /** How long a compute fleet start or stop takes. */
    public Builder fleetTransitionDuration(Duration d) {
      this.fleetTransitionDuration = positive(d, "fleetTransitionDuration");
      return this;
    }

    /** Persists state in this directory (default null: memory only). */
    public Builder stateDir(Path stateDir) {
      this.stateDir = stateDir;
      return this;
    }

    /** The clock (for tests; default the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Items per page of every paginated operation, for tests of pagination (default 0: the page
     * sizes of the AWS calls underneath).
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 0) {
        throw new IllegalArgumentException("pageSize must not be negative: " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * How long an SSM command takes to reach its instance (default zero). Until then the invocation
     * is unknown: GetCommandInvocation answers {@code InvocationDoesNotExist} and
     * ListCommandInvocations leaves it out, as SSM does for a moment after SendCommand.
     */
    public Builder ssmDeliveryDelay(Duration d) {
      this.ssmDeliveryDelay = positive(d, "ssmDeliveryDelay");
      return this;
    }

    /** The configuration. */
    public EmulatorConfig build() {
      return new EmulatorConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be zero or positive");
      }
      return d;
    }
  }
}
