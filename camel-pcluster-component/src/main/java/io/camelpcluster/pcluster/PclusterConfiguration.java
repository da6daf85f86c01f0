package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ImageStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;

/**
 * Options of a {@code pcluster:} endpoint. The component's configuration holds the defaults that
 * every endpoint starts from ({@link #copy()}); URI options then override them, and input headers
 * ({@link PclusterConstants}) override both for one exchange.
 */
@UriParams
public class PclusterConfiguration implements Cloneable {

  @UriPath(description = "The operation to perform")
  @Metadata(required = true)
  private PclusterOperations operation;

  @UriParam(
      description =
          "The invoke URL of the ParallelCluster API, including the stage, e.g."
              + " https://abc123.execute-api.eu-west-1.amazonaws.com/prod; required unless"
              + " pclusterClient is set")
  private String uriEndpointOverride;

  @UriParam(
      description =
          "The AWS region the operations act on (the `region` query parameter); also the"
              + " region waiters and the clusterEvents sensor poll in. Default: the API's own"
              + " region")
  private String region;

  @UriParam(
      label = "advanced",
      description =
          "The region requests are signed for: the API's own region. Default: taken from an"
              + " execute-api host, else the region option")
  private String signingRegion;

  @UriParam(
      label = "advanced",
      description =
          "A ready ParallelClusterAsyncClient to use instead of building one from the"
              + " connection and security options; the component does not close it")
  @Metadata(autowired = true)
  private ParallelClusterAsyncClient pclusterClient;

  @UriParam(
      label = "advanced",
      defaultValue = "10s",
      description = "How long to wait for a connection to the API")
  private Duration connectTimeout = Duration.ofSeconds(10);

  @UriParam(
      label = "advanced",
      defaultValue = "35s",
      description = "How long to wait for the answer of each attempt")
  private Duration requestTimeout = Duration.ofSeconds(35);

  @UriParam(
      label = "advanced",
      defaultValue = "4",
      description =
          "Attempts per API call, the first included, on throttling, gateway errors and"
              + " connection failures (1 disables retries)")
  private int maxAttempts = 4;

  @UriParam(
      label = "advanced",
      defaultValue = "250ms",
      description = "The scale of the exponential backoff between attempts")
  private Duration retryBaseDelay = Duration.ofMillis(250);

  @UriParam(
      label = "advanced",
      defaultValue = "20s",
      description = "The longest wait between attempts")
  private Duration retryMaxDelay = Duration.ofSeconds(20);

  @UriParam(label = "security", secret = true, description = "Amazon AWS Access Key")
  private String accessKey;

  @UriParam(label = "security", secret = true, description = "Amazon AWS Secret Key")
  private String secretKey;

  @UriParam(
      label = "security",
      secret = true,
      description =
          "Amazon AWS Session Token of temporary credentials (with accessKey and secretKey)")
  private String sessionToken;

  @UriParam(
      label = "security",
      description =
          "Whether to take the credentials from the AWS SDK's default chain (environment, system"
              + " properties, profile, container or instance role); also used when no other"
              + " credentials are configured")
  private boolean useDefaultCredentialsProvider;

  @UriParam(label = "security", description = "Whether to take the credentials from an AWS profile")
  private boolean useProfileCredentialsProvider;

  @UriParam(
      label = "security",
      description =
          "The AWS profile to use with useProfileCredentialsProvider (default: the SDK's"
              + " default profile)")
  private String profileCredentialsName;

  @UriParam(
      multiValue = true,
      prefix = "clusterTags.",
      description =
          "Cluster tags, as clusterTags.KEY=VALUE options (or clusterTags=k1=v1,k2=v2): added to"
              + " the configuration of every cluster created or updated by the producer; for"
              + " clusterEvents, the tags a cluster must all carry to be reported")
  private Map<String, String> clusterTags = new LinkedHashMap<>();

  @UriParam(
      description =
          "Comma-separated cluster statuses: listClusters lists only clusters in them;"
              + " clusterEvents reports only clusters in them")
  private String clusterStatusFilter;

  @UriParam(
      label = "advanced",
      defaultValue = "30s",
      description =
          "How often waits and the clusterEvents sensor poll; all waits of a region share one"
              + " ListClusters walk per interval")
  private Duration pollInterval = Duration.ofSeconds(30);

  @UriParam(
      label = "producer",
      description =
          "Whether the body is the request record of the operation (e.g. CreateClusterRequest)"
              + " instead of building it from options and headers")
  private boolean pojoRequest;

  @UriParam(label = "producer", description = "The cluster to act on")
  private String clusterName;

  @UriParam(label = "producer", description = "The custom image to act on")
  private String imageId;

  @UriParam(
      label = "producer",
      description =
          "The cluster configuration YAML of createCluster/updateCluster (otherwise from"
              + " configTemplate or the body)")
  private String clusterConfiguration;

  @UriParam(
      label = "producer",
      description =
          "The image configuration YAML of buildImage (otherwise from configTemplate or the"
              + " body)")
  private String imageConfiguration;

  @UriParam(
      label = "producer",
      description =
          "Where to read the configuration template of createCluster/updateCluster/buildImage:"
              + " classpath:path, file:path, a file path, or bean:name (a String or ClusterTemplate"
              + " bean)")
  private String configTemplate;

  @UriParam(
      label = "producer",
      multiValue = true,
      prefix = "configOverrides.",
      description =
          "Overrides of the configuration, as configOverrides.PATH=VALUE options; a PATH is"
              + " dotted keys with list items selected by index or name in square brackets, e.g."
              + " Scheduling.SlurmSettings.ScaledownIdletime")
  private Map<String, Object> configOverrides = new LinkedHashMap<>();

  @UriParam(
      label = "producer",
      defaultValue = "true",
      description =
          "Whether ${...} placeholders in the configuration are filled with the Simple"
              + " language against the exchange (write $${ for a literal ${)")
  private boolean resolvePlaceholders = true;

  @UriParam(
      label = "producer",
      description =
          "createCluster/updateCluster/buildImage only validate: the body becomes the"
              + " DryRunResult")
  private boolean dryrun;

  @UriParam(
      label = "producer",
      enums = "INFO,WARNING,ERROR",
      description =
          "The lowest validation finding level that fails the request (service default ERROR)")
  private ValidationLevel validationFailureLevel;

  @UriParam(
      label = "producer",
      description = "Comma-separated validators to suppress: ALL or type:ValidatorName items")
  private String suppressValidators;

  @UriParam(
      label = "producer",
      description =
          "Whether a failed stack rolls back; unset, the service decides (true for clusters,"
              + " false for images)")
  private Boolean rollbackOnFailure;

  @UriParam(
      label = "producer",
      description = "updateCluster: ignore update-policy errors and the no-change check")
  private boolean forceUpdate;

  @UriParam(
      label = "producer",
      description =
          "deleteClusterInstances: go ahead without the cluster stack; deleteImage: delete even"
              + " when the AMI is used or shared")
  private boolean force;

  @UriParam(
      label = "producer",
      description =
          "updateCluster: when the update needs a stopped compute fleet, stop it, update, wait"
              + " for UPDATE_COMPLETE and start the fleet again")
  private boolean stopComputeFleetForUpdate;

  @UriParam(
      label = "producer",
      description =
          "updateComputeFleet: START_REQUESTED/STOP_REQUESTED (Slurm) or ENABLED/DISABLED (AWS"
              + " Batch)")
  private RequestedComputeFleetStatus computeFleetStatus;

  @UriParam(
      label = "producer",
      enums = "HeadNode,ComputeNode,LoginNode",
      description = "describeClusterInstances: only instances of this role")
  private String nodeType;

  @UriParam(
      label = "producer",
      description = "describeClusterInstances: only compute nodes of this queue")
  private String queueName;

  @UriParam(
      label = "producer",
      description = "getClusterLogEvents/getImageLogEvents: the log stream to read")
  private String logStreamName;

  @UriParam(
      label = "producer",
      description =
          "listClusterLogStreams: space-separated filters such as"
              + " Name=node-type,Values=HeadNode or Name=private-dns-name,Values=ip-10-0-0-1")
  private String filters;

  @UriParam(label = "producer", description = "Log events: oldest first (default: newest first)")
  private boolean startFromHead;

  @UriParam(label = "producer", description = "Log events: the most events per page")
  private Integer limit;

  @UriParam(
      label = "producer",
      description = "Log events: the earliest event time (ISO-8601, inclusive)")
  private String startTime;

  @UriParam(
      label = "producer",
      description = "Log events: the latest event time (ISO-8601, exclusive)")
  private String endTime;

  @UriParam(label = "producer", description = "listImages: the status of the images to list")
  private ImageStatusFilteringOption imageStatus;

  @UriParam(
      label = "producer",
      description = "listOfficialImages: the operating system, e.g. alinux2023")
  private String os;

  @UriParam(
      label = "producer",
      enums = "x86_64,arm64",
      description = "listOfficialImages: the architecture")
  private String architecture;

  @UriParam(
      label = "producer",
      description = "Paginated operations: the page to fetch (default: the first)")
  private String nextToken;

  @UriParam(
      label = "producer",
      description =
          "Paginated operations: walk every page and return the items as one list, instead of"
              + " one page and its next token")
  private boolean allPages;

  @UriParam(
      label = "producer",
      description =
          "create/update/deleteCluster, updateComputeFleet, build/deleteImage: continue the"
              + " exchange only when the operation has finished (without blocking a thread)")
  private boolean waitForCompletion;

  @UriParam(
      label = "producer",
      defaultValue = "2h",
      description = "The longest wait of waitForCompletion, waitCluster and waitImage")
  private Duration waitTimeout = Duration.ofHours(2);

  @UriParam(
      label = "producer",
      description =
          "waitCluster/waitImage: the status to wait for: a cluster status (e.g."
              + " CREATE_COMPLETE), an image build status (e.g. BUILD_COMPLETE), or DELETED")
  private String targetStatus;

  @UriParam(
      label = "consumer",
      description = "clusterEvents: only clusters whose name starts with this prefix")
  private String clusterNamePrefix;

  @UriParam(
      label = "consumer",
      defaultValue = "true",
      description =
          "clusterEvents: whether the first poll reports every existing cluster as created")
  private boolean emitInitialState = true;

  public PclusterOperations getOperation() {
    return operation;
  }

  public void setOperation(PclusterOperations operation) {
    this.operation = operation;
  }

  public String getUriEndpointOverride() {
    return uriEndpointOverride;
  }

  public void setUriEndpointOverride(String uriEndpointOverride) {
    this.uriEndpointOverride = uriEndpointOverride;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getSigningRegion() {
    return signingRegion;
  }

  public void setSigningRegion(String signingRegion) {
    this.signingRegion = signingRegion;
  }

  public ParallelClusterAsyncClient getPclusterClient() {
    return pclusterClient;
  }

  public void setPclusterClient(ParallelClusterAsyncClient pclusterClient) {
    this.pclusterClient = pclusterClient;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getRequestTimeout() {
    return requestTimeout;
  }

  public void setRequestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
  }

  public int getMaxAttempts() {
    return maxAttempts;
  }

  public void setMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
  }

  public Duration getRetryBaseDelay() {
    return retryBaseDelay;
  }

  public void setRetryBaseDelay(Duration retryBaseDelay) {
    this.retryBaseDelay = retryBaseDelay;
  }

  public Duration getRetryMaxDelay() {
    return retryMaxDelay;
  }

  public void setRetryMaxDelay(Duration retryMaxDelay) {
    this.retryMaxDelay = retryMaxDelay;
  }

  public String getAccessKey() {
    return accessKey;
  }

  public void setAccessKey(String accessKey) {
    this.accessKey = accessKey;
  }

  public String getSecretKey() {
    return secretKey;
  }

  public void setSecretKey(String secretKey) {
    this.secretKey = secretKey;
  }

  public String getSessionToken() {
    return sessionToken;
  }

  public void setSessionToken(String sessionToken) {
    this.sessionToken = sessionToken;
  }

  public boolean isUseDefaultCredentialsProvider() {
    return useDefaultCredentialsProvider;
  }

  public void setUseDefaultCredentialsProvider(boolean useDefaultCredentialsProvider) {
    this.useDefaultCredentialsProvider = useDefaultCredentialsProvider;
  }

  public boolean isUseProfileCredentialsProvider() {
    return useProfileCredentialsProvider;
  }

  public void setUseProfileCredentialsProvider(boolean useProfileCredentialsProvider) {
    this.useProfileCredentialsProvider = useProfileCredentialsProvider;
  }

  public String getProfileCredentialsName() {
    return profileCredentialsName;
  }

  public void setProfileCredentialsName(String profileCredentialsName) {
    this.profileCredentialsName = profileCredentialsName;
  }

  public Map<String, String> getClusterTags() {
    return clusterTags;
  }

  public void setClusterTags(Map<String, String> clusterTags) {
    this.clusterTags =
        clusterTags == null ? new LinkedHashMap<>() : new LinkedHashMap<>(clusterTags);
  }

  public String getClusterStatusFilter() {
    return clusterStatusFilter;
  }

  public void setClusterStatusFilter(String clusterStatusFilter) {
    this.clusterStatusFilter = clusterStatusFilter;
  }

  public Duration getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  public boolean isPojoRequest() {
    return pojoRequest;
  }

  public void setPojoRequest(boolean pojoRequest) {
    this.pojoRequest = pojoRequest;
  }

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public String getImageId() {
    return imageId;
  }

  public void setImageId(String imageId) {
    this.imageId = imageId;
  }

  public String getClusterConfiguration() {
    return clusterConfiguration;
  }

  public void setClusterConfiguration(String clusterConfiguration) {
    this.clusterConfiguration = clusterConfiguration;
  }

  public String getImageConfiguration() {
    return imageConfiguration;
  }

  public void setImageConfiguration(String imageConfiguration) {
    this.imageConfiguration = imageConfiguration;
  }

  public String getConfigTemplate() {
    return configTemplate;
  }

  public void setConfigTemplate(String configTemplate) {
    this.configTemplate = configTemplate;
  }

  public Map<String, Object> getConfigOverrides() {
    return configOverrides;
  }

  public void setConfigOverrides(Map<String, Object> configOverrides) {
    this.configOverrides =
        configOverrides == null ? new LinkedHashMap<>() : new LinkedHashMap<>(configOverrides);
  }

  public boolean isResolvePlaceholders() {
    return resolvePlaceholders;
  }

  public void setResolvePlaceholders(boolean resolvePlaceholders) {
    this.resolvePlaceholders = resolvePlaceholders;
  }

  public boolean isDryrun() {
    return dryrun;
  }

  public void setDryrun(boolean dryrun) {
    this.dryrun = dryrun;
  }

  public ValidationLevel getValidationFailureLevel() {
    return validationFailureLevel;
  }

  public void setValidationFailureLevel(ValidationLevel validationFailureLevel) {
    this.validationFailureLevel = validationFailureLevel;
  }

  public String getSuppressValidators() {
    return suppressValidators;
  }

  public void setSuppressValidators(String suppressValidators) {
    this.suppressValidators = suppressValidators;
  }

  public Boolean getRollbackOnFailure() {
    return rollbackOnFailure;
  }

  public void setRollbackOnFailure(Boolean rollbackOnFailure) {
    this.rollbackOnFailure = rollbackOnFailure;
  }

  public boolean isForceUpdate() {
    return forceUpdate;
  }

  public void setForceUpdate(boolean forceUpdate) {
    this.forceUpdate = forceUpdate;
  }

  public boolean isForce() {
    return force;
  }

  public void setForce(boolean force) {
    this.force = force;
  }

  public boolean isStopComputeFleetForUpdate() {
    return stopComputeFleetForUpdate;
  }

  public void setStopComputeFleetForUpdate(boolean stopComputeFleetForUpdate) {
    this.stopComputeFleetForUpdate = stopComputeFleetForUpdate;
  }

  public RequestedComputeFleetStatus getComputeFleetStatus() {
    return computeFleetStatus;
  }

  public void setComputeFleetStatus(RequestedComputeFleetStatus computeFleetStatus) {
    this.computeFleetStatus = computeFleetStatus;
  }

  public String getNodeType() {
    return nodeType;
  }

  public void setNodeType(String nodeType) {
    this.nodeType = nodeType;
  }

  public String getQueueName() {
    return queueName;
  }

  public void setQueueName(String queueName) {
    this.queueName = queueName;
  }

  public String getLogStreamName() {
    return logStreamName;
  }

  public void setLogStreamName(String logStreamName) {
    this.logStreamName = logStreamName;
  }

  public String getFilters() {
    return filters;
  }

  public void setFilters(String filters) {
    this.filters = filters;
  }

  public boolean isStartFromHead() {
    return startFromHead;
  }

  public void setStartFromHead(boolean startFromHead) {
    this.startFromHead = startFromHead;
  }

  public Integer getLimit() {
    return limit;
  }

  public void setLimit(Integer limit) {
    this.limit = limit;
  }

  public String getStartTime() {
    return startTime;
  }

  public void setStartTime(String startTime) {
    this.startTime = startTime;
  }

  public String getEndTime() {
    return endTime;
  }

  public void setEndTime(String endTime) {
    this.endTime = endTime;
  }

  public ImageStatusFilteringOption getImageStatus() {
    return imageStatus;
  }

  public void setImageStatus(ImageStatusFilteringOption imageStatus) {
    this.imageStatus = imageStatus;
  }

  public String getOs() {
    return os;
  }

  public void setOs(String os) {
    this.os = os;
  }

  public String getArchitecture() {
    return architecture;
  }

  public void setArchitecture(String architecture) {
    this.architecture = architecture;
  }

  public String getNextToken() {
    return nextToken;
  }

  public void setNextToken(String nextToken) {
    this.nextToken = nextToken;
  }

  public boolean isAllPages() {
    return allPages;
  }

  public void setAllPages(boolean allPages) {
    this.allPages = allPages;
  }

  public boolean isWaitForCompletion() {
    return waitForCompletion;
  }

  public void setWaitForCompletion(boolean waitForCompletion) {
    this.waitForCompletion = waitForCompletion;
  }

  public Duration getWaitTimeout() {
    return waitTimeout;
  }

  public void setWaitTimeout(Duration waitTimeout) {
    this.waitTimeout = waitTimeout;
  }

  public String getTargetStatus() {
    return targetStatus;
  }

  public void setTargetStatus(String targetStatus) {
    this.targetStatus = targetStatus;
  }

  public String getClusterNamePrefix() {
    return clusterNamePrefix;
  }

  public void setClusterNamePrefix(String clusterNamePrefix) {
    this.clusterNamePrefix = clusterNamePrefix;
  }

  public boolean isEmitInitialState() {
    return emitInitialState;
  }

  public void setEmitInitialState(boolean emitInitialState) {
    this.emitInitialState = emitInitialState;
  }

  /** A copy for one endpoint: changing it (or its maps) leaves this configuration unchanged. */
  public PclusterConfiguration copy() {
    try {
      PclusterConfiguration copy = (PclusterConfiguration) clone();
      copy.clusterTags = new LinkedHashMap<>(clusterTags);
      copy.configOverrides = new LinkedHashMap<>(configOverrides);
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new RuntimeCamelException(e);
    }
  }
}
