package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.api.ParallelClusterAsyncClient;
import io.camelpcluster.pcluster.api.model.ImageStatusFilteringOption;
import io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus;
import io.camelpcluster.pcluster.api.model.ValidationLevel;
import io.camelpcluster.pcluster.slurm.Launcher;
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

  // ---- Jobs on the head node

  @UriParam(
      label = "producer",
      defaultValue = "ssm",
      enums = "ssm,ssh,local",
      description =
          "Job operations: how commands reach the cluster's head node: ssm (AWS Systems Manager"
              + " Run Command to the head node's instance), ssh (to the head node's address), or"
              + " local (this machine runs Slurm)")
  private String headNodeAccess = "ssm";

  @UriParam(
      label = "producer",
      defaultValue = "ec2-user",
      description =
          "Job operations: the POSIX user jobs and commands run as on the head node (ec2-user on"
              + " Amazon Linux, ubuntu on Ubuntu, rocky on Rocky Linux); never taken from a"
              + " message")
  private String clusterUser = "ec2-user";

  @UriParam(
      label = "producer",
      description =
          "Job operations: comma-separated POSIX users that clusterUser may name (set on the"
              + " component to restrict what endpoints choose); empty: clusterUser alone")
  private String allowedUsers;

  @UriParam(
      label = "producer",
      defaultValue = "public",
      enums = "public,private",
      description =
          "Job operations with headNodeAccess=ssh: connect to the head node's public or private IP"
              + " address, as DescribeCluster reports it")
  private String headNodeAddress = "public";

  @UriParam(
      label = "producer,advanced",
      description =
          "Job operations with headNodeAccess=ssh: connect to this host instead of looking the head"
              + " node's address up with DescribeCluster, e.g. the local end of a tunnel")
  private String headNodeHost;

  @UriParam(
      label = "producer",
      defaultValue = "60s",
      description =
          "Job operations: how long one command on the head node (sbatch, squeue, scancel, a"
              + " runCommand command) may run before it is killed")
  private Duration commandTimeout = Duration.ofSeconds(60);

  @UriParam(
      label = "producer,advanced",
      description =
          "Job operations with headNodeAccess=ssm: the Systems Manager endpoint to call instead of"
              + " the cluster region's, e.g. a VPC endpoint; requests are signed with the"
              + " endpoint's AWS credentials")
  private String ssmEndpointOverride;

  @UriParam(
      label = "producer,advanced",
      defaultValue = "1s",
      description =
          "Job operations with headNodeAccess=ssm: how often the commands in flight are checked"
              + " (one GetCommandInvocation per command)")
  private Duration ssmPollInterval = Duration.ofSeconds(1);

  @UriParam(
      label = "security",
      description =
          "headNodeAccess=ssh: the private key file (OpenSSH or PEM; RSA, ECDSA, Ed25519)")
  private String sshPrivateKeyFile;

  @UriParam(
      label = "security",
      secret = true,
      description = "headNodeAccess=ssh: the passphrase of an encrypted private key")
  private String sshPassphrase;

  @UriParam(
      label = "security",
      description =
          "headNodeAccess=ssh: the known_hosts file host keys are checked against (default:"
              + " known_hosts in the .ssh directory of the JVM user's home)")
  private String sshKnownHostsFile;

  @UriParam(
      label = "security",
      defaultValue = "strict",
      enums = "strict,accept-new,accept-all",
      description =
          "headNodeAccess=ssh: strict accepts only host keys listed in known_hosts; accept-new also"
              + " accepts and records the key of a host not listed yet; accept-all accepts any key"
              + " (no protection against a man in the middle: tests only)")
  private String sshHostKeyPolicy = "strict";

  @UriParam(label = "producer", defaultValue = "22", description = "headNodeAccess=ssh: the port")
  private int sshPort = 22;

  @UriParam(
      label = "producer",
      description =
          "describeJob, cancelJob, waitJob, getJobOutput: the Slurm job id (123, or 123_4 for one"
              + " array task)")
  private String jobId;

  @UriParam(
      label = "producer",
      description =
          "submitJob: the batch script, as classpath:path, file:path, or the script text itself"
              + " (with its shebang line; #SBATCH lines are refused, resources are options); otherwise"
              + " jobCommand or the body")
  private String jobScript;

  @UriParam(
      label = "producer",
      description =
          "submitJob: a command to run instead of a script: the program and its arguments,"
              + " separated by spaces (each one is passed as is, never interpreted by a shell)")
  private String jobCommand;

  @UriParam(label = "producer", description = "submitJob: the number of nodes (--nodes)")
  private Integer nodes;

  @UriParam(label = "producer", description = "submitJob: the number of tasks (--ntasks)")
  private Integer ntasks;

  @UriParam(label = "producer", description = "submitJob: tasks per node (--ntasks-per-node)")
  private Integer ntasksPerNode;

  @UriParam(label = "producer", description = "submitJob: CPUs per task (--cpus-per-task)")
  private Integer cpusPerTask;

  @UriParam(
      label = "producer",
      description = "submitJob: memory per node in Slurm notation, e.g. 4G or 512M (--mem)")
  private String memory;

  @UriParam(
      label = "producer",
      description =
          "submitJob: the time limit in Slurm notation: minutes, MM:SS, HH:MM:SS, D-HH or"
              + " D-HH:MM:SS (--time); the queue's default when unset")
  private String timeLimit;

  @UriParam(
      label = "producer",
      description =
          "submitJob: the Slurm partition, i.e. the ParallelCluster queue (--partition);"
              + " listJobs: only jobs of this partition")
  private String partition;

  @UriParam(label = "producer", description = "submitJob: the job name (--job-name)")
  private String jobName;

  @UriParam(
      label = "producer",
      description =
          "submitJob: the working directory on the head node, absolute or relative to the user's"
              + " home (the default), created if missing; it must be on a file system the compute"
              + " nodes share. The job's output and exit code are kept in .pcluster-jobs under it,"
              + " so waitJob and getJobOutput need the same value; runCommand: where to run")
  private String workingDirectory;

  @UriParam(
      label = "producer",
      multiValue = true,
      prefix = "jobEnv.",
      description =
          "submitJob: environment variables of the job, as jobEnv.NAME=VALUE options; values are"
              + " passed as they are, never interpreted by a shell")
  private Map<String, String> jobEnv = new LinkedHashMap<>();

  @UriParam(
      label = "producer",
      description = "submitJob: the array indexes in Slurm notation, e.g. 0-15%4 (--array)")
  private String array;

  @UriParam(
      label = "producer",
      description =
          "submitJob: dependencies in Slurm notation, e.g. afterok:123:124,afterany:125"
              + " (--dependency)")
  private String dependency;

  @UriParam(
      label = "producer",
      defaultValue = "NONE",
      description =
          "submitJob with jobCommand: how the program starts: NONE (once), SRUN (one copy per"
              + " task) or MPIRUN (mpirun -np $SLURM_NTASKS)")
  private Launcher launcher = Launcher.NONE;

  @UriParam(
      label = "producer",
      description =
          "submitJob: arguments for srun or mpirun, before the program, separated by spaces,"
              + " e.g. --mpi=pmix")
  private String launcherArgs;

  @UriParam(
      label = "producer",
      defaultValue = "true",
      description =
          "waitJob, and submitJob with waitForCompletion: whether a job that ends other than"
              + " COMPLETED (FAILED, CANCELLED, TIMEOUT, or lost) fails the exchange with a"
              + " JobFailedException; otherwise the exchange continues with the final status")
  private boolean failOnJobError = true;

  @UriParam(
      label = "producer",
      description = "listJobs: also list jobs that ended recently (otherwise pending and running)")
  private boolean includeFinishedJobs;

  @UriParam(
      label = "producer",
      defaultValue = "1048576",
      description = "getJobOutput: the most bytes of the output's end to return")
  private int outputMaxBytes = 1024 * 1024;

  @UriParam(
      label = "producer",
      description =
          "runCommand: the program and its arguments, separated by spaces (each one is passed as"
              + " is, never interpreted by a shell); otherwise the header or the body")
  private String command;

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

  public String getHeadNodeAccess() {
    return headNodeAccess;
  }

  public void setHeadNodeAccess(String headNodeAccess) {
    this.headNodeAccess = headNodeAccess;
  }

  public String getClusterUser() {
    return clusterUser;
  }

  public void setClusterUser(String clusterUser) {
    this.clusterUser = clusterUser;
  }

  public String getAllowedUsers() {
    return allowedUsers;
  }

  public void setAllowedUsers(String allowedUsers) {
    this.allowedUsers = allowedUsers;
  }

  public String getHeadNodeAddress() {
    return headNodeAddress;
  }

  public void setHeadNodeAddress(String headNodeAddress) {
    this.headNodeAddress = headNodeAddress;
  }

  public String getHeadNodeHost() {
    return headNodeHost;
  }

  public void setHeadNodeHost(String headNodeHost) {
    this.headNodeHost = headNodeHost;
  }

  public Duration getCommandTimeout() {
    return commandTimeout;
  }

  public void setCommandTimeout(Duration commandTimeout) {
    this.commandTimeout = commandTimeout;
  }

  public String getSsmEndpointOverride() {
    return ssmEndpointOverride;
  }

  public void setSsmEndpointOverride(String ssmEndpointOverride) {
    this.ssmEndpointOverride = ssmEndpointOverride;
  }

  public Duration getSsmPollInterval() {
    return ssmPollInterval;
  }

  public void setSsmPollInterval(Duration ssmPollInterval) {
    this.ssmPollInterval = ssmPollInterval;
  }

  public String getSshPrivateKeyFile() {
    return sshPrivateKeyFile;
  }

  public void setSshPrivateKeyFile(String sshPrivateKeyFile) {
    this.sshPrivateKeyFile = sshPrivateKeyFile;
  }

  public String getSshPassphrase() {
    return sshPassphrase;
  }

  public void setSshPassphrase(String sshPassphrase) {
    this.sshPassphrase = sshPassphrase;
  }

  public String getSshKnownHostsFile() {
    return sshKnownHostsFile;
  }

  public void setSshKnownHostsFile(String sshKnownHostsFile) {
    this.sshKnownHostsFile = sshKnownHostsFile;
  }

  public String getSshHostKeyPolicy() {
    return sshHostKeyPolicy;
  }

  public void setSshHostKeyPolicy(String sshHostKeyPolicy) {
    this.sshHostKeyPolicy = sshHostKeyPolicy;
  }

  public int getSshPort() {
    return sshPort;
  }

  public void setSshPort(int sshPort) {
    this.sshPort = sshPort;
  }

  public String getJobId() {
    return jobId;
  }

  public void setJobId(String jobId) {
    this.jobId = jobId;
  }

  public String getJobScript() {
    return jobScript;
  }

  public void setJobScript(String jobScript) {
    this.jobScript = jobScript;
  }

  public String getJobCommand() {
    return jobCommand;
  }

  public void setJobCommand(String jobCommand) {
    this.jobCommand = jobCommand;
  }

  public Integer getNodes() {
    return nodes;
  }

  public void setNodes(Integer nodes) {
    this.nodes = nodes;
  }

  public Integer getNtasks() {
    return ntasks;
  }

  public void setNtasks(Integer ntasks) {
    this.ntasks = ntasks;
  }

  public Integer getNtasksPerNode() {
    return ntasksPerNode;
  }

  public void setNtasksPerNode(Integer ntasksPerNode) {
    this.ntasksPerNode = ntasksPerNode;
  }

  public Integer getCpusPerTask() {
    return cpusPerTask;
  }

  public void setCpusPerTask(Integer cpusPerTask) {
    this.cpusPerTask = cpusPerTask;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }

  public String getTimeLimit() {
    return timeLimit;
  }

  public void setTimeLimit(String timeLimit) {
    this.timeLimit = timeLimit;
  }

  public String getPartition() {
    return partition;
  }

  public void setPartition(String partition) {
    this.partition = partition;
  }

  public String getJobName() {
    return jobName;
  }

  public void setJobName(String jobName) {
    this.jobName = jobName;
  }

  public String getWorkingDirectory() {
    return workingDirectory;
  }

  public void setWorkingDirectory(String workingDirectory) {
    this.workingDirectory = workingDirectory;
  }

  public Map<String, String> getJobEnv() {
    return jobEnv;
  }

  public void setJobEnv(Map<String, String> jobEnv) {
    this.jobEnv = jobEnv == null ? new LinkedHashMap<>() : new LinkedHashMap<>(jobEnv);
  }

  public String getArray() {
    return array;
  }

  public void setArray(String array) {
    this.array = array;
  }

  public String getDependency() {
    return dependency;
  }

  public void setDependency(String dependency) {
    this.dependency = dependency;
  }

  public Launcher getLauncher() {
    return launcher;
  }

  public void setLauncher(Launcher launcher) {
    this.launcher = launcher;
  }

  public String getLauncherArgs() {
    return launcherArgs;
  }

  public void setLauncherArgs(String launcherArgs) {
    this.launcherArgs = launcherArgs;
  }

  public boolean isFailOnJobError() {
    return failOnJobError;
  }

  public void setFailOnJobError(boolean failOnJobError) {
    this.failOnJobError = failOnJobError;
  }

  public boolean isIncludeFinishedJobs() {
    return includeFinishedJobs;
  }

  public void setIncludeFinishedJobs(boolean includeFinishedJobs) {
    this.includeFinishedJobs = includeFinishedJobs;
  }

  public int getOutputMaxBytes() {
    return outputMaxBytes;
  }

  public void setOutputMaxBytes(int outputMaxBytes) {
    this.outputMaxBytes = outputMaxBytes;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  /** A copy for one endpoint: changing it (or its maps) leaves this configuration unchanged. */
  public PclusterConfiguration copy() {
    try {
      PclusterConfiguration copy = (PclusterConfiguration) clone();
      copy.clusterTags = new LinkedHashMap<>(clusterTags);
      copy.configOverrides = new LinkedHashMap<>(configOverrides);
      copy.jobEnv = new LinkedHashMap<>(jobEnv);
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new RuntimeCamelException(e);
    }
  }
}
