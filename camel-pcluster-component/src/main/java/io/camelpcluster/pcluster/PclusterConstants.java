package io.camelpcluster.pcluster;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the {@code pcluster:} component. Input headers override the endpoint option of
 * the same name for one exchange; output headers carry the key facts of the answer.
 */
public final class PclusterConstants {

  // ---- What to do

  @Metadata(
      label = "producer",
      description = "The operation to perform, overriding the endpoint's",
      javaType = "io.camelpcluster.pcluster.PclusterOperations")
  public static final String OPERATION = "CamelPclusterOperation";

  @Metadata(
      label = "producer",
      description =
          "The region to act on (the `region` query parameter), overriding the endpoint's",
      javaType = "String")
  public static final String REGION = "CamelPclusterRegion";

  // ---- Identity (input and output)

  @Metadata(
      description =
          "The cluster name: input of every cluster operation, and set from the answer of"
              + " Create/Describe/Update/DeleteCluster and waitCluster",
      javaType = "String")
  public static final String CLUSTER_NAME = "CamelPclusterClusterName";

  @Metadata(
      description =
          "The image id: input of every image operation, and set from the answer of"
              + " Build/Describe/DeleteImage and waitImage",
      javaType = "String")
  public static final String IMAGE_ID = "CamelPclusterImageId";

  // ---- Configuration documents (input)

  @Metadata(
      label = "producer",
      description =
          "The cluster configuration YAML of createCluster/updateCluster (takes precedence over"
              + " the body, the clusterConfiguration option and configTemplate)",
      javaType = "String")
  public static final String CLUSTER_CONFIGURATION = "CamelPclusterClusterConfiguration";

  @Metadata(
      label = "producer",
      description = "The image configuration YAML of buildImage",
      javaType = "String")
  public static final String IMAGE_CONFIGURATION = "CamelPclusterImageConfiguration";

  @Metadata(
      label = "producer",
      description =
          "Where to read the configuration template: classpath:, file:, a path, or bean:name",
      javaType = "String")
  public static final String CONFIG_TEMPLATE = "CamelPclusterConfigTemplate";

  @Metadata(
      label = "producer",
      description =
          "Overrides of the configuration: a map from a path such as"
              + " Scheduling.SlurmSettings.ScaledownIdletime to its value (null"
              + " removes), applied in map order after the endpoint's configOverrides",
      javaType = "java.util.Map<String, Object>")
  public static final String CONFIG_OVERRIDES = "CamelPclusterConfigOverrides";

  @Metadata(
      label = "producer",
      description =
          "Prefix of single-override headers: CamelPclusterConfigOverride.PATH sets the value at"
              + " PATH; applied after configOverrides options, before the"
              + " CamelPclusterConfigOverrides map",
      javaType = "Object")
  public static final String CONFIG_OVERRIDE_PREFIX = "CamelPclusterConfigOverride.";

  @Metadata(
      label = "producer",
      description =
          "Tags added to the cluster configuration (createCluster/updateCluster), on top of the"
              + " clusterTags options",
      javaType = "java.util.Map<String, String>")
  public static final String CLUSTER_TAGS = "CamelPclusterClusterTags";

  // ---- Request parameters (input)

  @Metadata(
      label = "producer",
      description = "Whether createCluster/updateCluster/buildImage only validate (dry run)",
      javaType = "Boolean")
  public static final String DRY_RUN = "CamelPclusterDryRun";

  @Metadata(
      label = "producer",
      description = "The lowest validation finding level that fails the request",
      javaType = "io.camelpcluster.pcluster.api.model.ValidationLevel",
      enums = "INFO,WARNING,ERROR")
  public static final String VALIDATION_FAILURE_LEVEL = "CamelPclusterValidationFailureLevel";

  @Metadata(
      label = "producer",
      description =
          "Validators to suppress: ALL or type:ValidatorName items, comma-separated or a"
              + " collection",
      javaType = "String")
  public static final String SUPPRESS_VALIDATORS = "CamelPclusterSuppressValidators";

  @Metadata(
      label = "producer",
      description = "Whether a failed cluster or image stack rolls back",
      javaType = "Boolean")
  public static final String ROLLBACK_ON_FAILURE = "CamelPclusterRollbackOnFailure";

  @Metadata(
      label = "producer",
      description = "Whether updateCluster ignores update-policy errors",
      javaType = "Boolean")
  public static final String FORCE_UPDATE = "CamelPclusterForceUpdate";

  @Metadata(
      label = "producer",
      description = "The force flag of deleteClusterInstances and deleteImage",
      javaType = "Boolean")
  public static final String FORCE = "CamelPclusterForce";

  @Metadata(
      label = "producer",
      description = "The status updateComputeFleet requests",
      javaType = "io.camelpcluster.pcluster.api.model.RequestedComputeFleetStatus")
  public static final String REQUESTED_COMPUTE_FLEET_STATUS =
      "CamelPclusterRequestedComputeFleetStatus";

  @Metadata(
      label = "producer",
      description = "describeClusterInstances: only instances of this role",
      javaType = "String",
      enums = "HeadNode,ComputeNode,LoginNode")
  public static final String NODE_TYPE = "CamelPclusterNodeType";

  @Metadata(
      label = "producer",
      description = "describeClusterInstances: only compute nodes of this queue",
      javaType = "String")
  public static final String QUEUE_NAME = "CamelPclusterQueueName";

  @Metadata(
      label = "producer",
      description = "The log stream of getClusterLogEvents/getImageLogEvents",
      javaType = "String")
  public static final String LOG_STREAM_NAME = "CamelPclusterLogStreamName";

  @Metadata(
      label = "producer",
      description =
          "listClusterLogStreams filters (Name=NAME,Values=VALUE items): space-separated text"
              + " or a collection",
      javaType = "String")
  public static final String FILTERS = "CamelPclusterFilters";

  @Metadata(
      label = "producer",
      description = "Log events: whether to read oldest first",
      javaType = "Boolean")
  public static final String START_FROM_HEAD = "CamelPclusterStartFromHead";

  @Metadata(
      label = "producer",
      description = "Log events: the most events per page",
      javaType = "Integer")
  public static final String LIMIT = "CamelPclusterLimit";

  @Metadata(
      label = "producer",
      description = "Log events: the earliest event time (inclusive)",
      javaType = "java.time.Instant")
  public static final String START_TIME = "CamelPclusterStartTime";

  @Metadata(
      label = "producer",
      description = "Log events: the latest event time (exclusive)",
      javaType = "java.time.Instant")
  public static final String END_TIME = "CamelPclusterEndTime";

  @Metadata(
      label = "producer",
      description = "listImages: the image status to list",
      javaType = "io.camelpcluster.pcluster.api.model.ImageStatusFilteringOption")
  public static final String IMAGE_STATUS = "CamelPclusterImageStatus";

  @Metadata(
      label = "producer",
      description = "listClusters: only clusters in these statuses (comma-separated)",
      javaType = "String")
  public static final String CLUSTER_STATUS_FILTER = "CamelPclusterClusterStatusFilter";

  @Metadata(
      label = "producer",
      description = "listOfficialImages: the operating system, e.g. alinux2023",
      javaType = "String")
  public static final String OS = "CamelPclusterOs";

  @Metadata(
      label = "producer",
      description = "listOfficialImages: the architecture, x86_64 or arm64",
      javaType = "String")
  public static final String ARCHITECTURE = "CamelPclusterArchitecture";

  @Metadata(
      description =
          "The page token: input of a paginated operation (the page to fetch) and output (the next"
              + " page, removed on the last page)",
      javaType = "String")
  public static final String NEXT_TOKEN = "CamelPclusterNextToken";

  // ---- Waiting (input)

  @Metadata(
      label = "producer",
      description = "Whether to wait until the operation has finished",
      javaType = "Boolean")
  public static final String WAIT_FOR_COMPLETION = "CamelPclusterWaitForCompletion";

  @Metadata(label = "producer", description = "The longest wait", javaType = "java.time.Duration")
  public static final String WAIT_TIMEOUT = "CamelPclusterWaitTimeout";

  @Metadata(
      label = "producer",
      description =
          "waitCluster/waitImage: the status to wait for (a cluster or image build status name,"
              + " or DELETED)",
      javaType = "String")
  public static final String TARGET_STATUS = "CamelPclusterTargetStatus";

  // ---- Results (output)

  @Metadata(
      description =
          "The cluster status from the answer, the final one after waiting, or the one a"
              + " clusterEvents event reports",
      javaType = "io.camelpcluster.pcluster.api.model.ClusterStatus")
  public static final String CLUSTER_STATUS = "CamelPclusterClusterStatus";

  @Metadata(
      description = "The CloudFormation stack status of the cluster or image build",
      javaType = "io.camelpcluster.pcluster.api.model.CloudFormationStackStatus")
  public static final String CLOUDFORMATION_STACK_STATUS = "CamelPclusterCloudFormationStackStatus";

  @Metadata(
      label = "producer",
      description = "The compute fleet status (describeCluster, the fleet operations)",
      javaType = "io.camelpcluster.pcluster.api.model.ComputeFleetStatus")
  public static final String COMPUTE_FLEET_STATUS = "CamelPclusterComputeFleetStatus";

  @Metadata(
      label = "producer",
      description = "The image build status from the answer, or the final one after waiting",
      javaType = "io.camelpcluster.pcluster.api.model.ImageBuildStatus")
  public static final String IMAGE_BUILD_STATUS = "CamelPclusterImageBuildStatus";

  @Metadata(label = "producer", description = "The AMI id of a built image", javaType = "String")
  public static final String AMI_ID = "CamelPclusterAmiId";

  @Metadata(
      label = "producer",
      description = "How many validation findings the answer carries",
      javaType = "Integer")
  public static final String VALIDATION_MESSAGES_COUNT = "CamelPclusterValidationMessagesCount";

  @Metadata(
      label = "producer",
      description = "How many changes an update (or its dry run) carries",
      javaType = "Integer")
  public static final String CHANGE_COUNT = "CamelPclusterChangeCount";

  @Metadata(
      label = "producer",
      description = "True when the body is the DryRunResult of a successful dry run",
      javaType = "Boolean")
  public static final String DRY_RUN_PASSED = "CamelPclusterDryRunPassed";

  @Metadata(
      label = "producer",
      description =
          "updateCluster with stopComputeFleetForUpdate: true when the fleet was stopped for the"
              + " update and started again",
      javaType = "Boolean")
  public static final String COMPUTE_FLEET_RESTARTED = "CamelPclusterComputeFleetRestarted";

  // ---- Jobs on the head node (input and output)

  @Metadata(
      description =
          "The Slurm job id: input of describeJob, cancelJob, waitJob and getJobOutput (123, or"
              + " 123_4 for one array task), and set by submitJob",
      javaType = "String")
  public static final String JOB_ID = "CamelPclusterJobId";

  @Metadata(
      label = "producer",
      description =
          "submitJob: the batch script text, taking precedence over the jobScript"
              + " option and the body; never read as a resource location",
      javaType = "String")
  public static final String JOB_SCRIPT = "CamelPclusterJobScript";

  @Metadata(
      label = "producer",
      description =
          "submitJob: the command to run instead of a script: a list of the program and its"
              + " arguments, or text split at spaces",
      javaType = "java.util.List<String>")
  public static final String JOB_COMMAND = "CamelPclusterJobCommand";

  @Metadata(
      label = "producer",
      description = "submitJob: the number of nodes",
      javaType = "Integer")
  public static final String JOB_NODES = "CamelPclusterJobNodes";

  @Metadata(
      label = "producer",
      description = "submitJob: the number of tasks",
      javaType = "Integer")
  public static final String JOB_NTASKS = "CamelPclusterJobNtasks";

  @Metadata(label = "producer", description = "submitJob: tasks per node", javaType = "Integer")
  public static final String JOB_NTASKS_PER_NODE = "CamelPclusterJobNtasksPerNode";

  @Metadata(label = "producer", description = "submitJob: CPUs per task", javaType = "Integer")
  public static final String JOB_CPUS_PER_TASK = "CamelPclusterJobCpusPerTask";

  @Metadata(
      label = "producer",
      description = "submitJob: memory per node in Slurm notation, e.g. 4G",
      javaType = "String")
  public static final String JOB_MEMORY = "CamelPclusterJobMemory";

  @Metadata(
      label = "producer",
      description = "submitJob: the time limit in Slurm notation, e.g. 30 or 01:30:00",
      javaType = "String")
  public static final String JOB_TIME_LIMIT = "CamelPclusterJobTimeLimit";

  @Metadata(
      label = "producer",
      description = "submitJob: the partition (ParallelCluster queue); listJobs: only this one",
      javaType = "String")
  public static final String JOB_PARTITION = "CamelPclusterJobPartition";

  @Metadata(label = "producer", description = "submitJob: the job name", javaType = "String")
  public static final String JOB_NAME = "CamelPclusterJobName";

  @Metadata(
      description =
          "The job's working directory on the head node: input of submitJob, waitJob,"
              + " getJobOutput and runCommand, and set by submitJob so that later steps find the"
              + " job's files",
      javaType = "String")
  public static final String JOB_WORKING_DIRECTORY = "CamelPclusterJobWorkingDirectory";

  @Metadata(
      label = "producer",
      description =
          "submitJob: environment variables of the job, added to (and replacing) the jobEnv"
              + " options",
      javaType = "java.util.Map<String, String>")
  public static final String JOB_ENV = "CamelPclusterJobEnv";

  @Metadata(
      label = "producer",
      description = "submitJob: the array indexes in Slurm notation, e.g. 0-15%4",
      javaType = "String")
  public static final String JOB_ARRAY = "CamelPclusterJobArray";

  @Metadata(
      label = "producer",
      description = "submitJob: dependencies in Slurm notation, e.g. afterok:123",
      javaType = "String")
  public static final String JOB_DEPENDENCY = "CamelPclusterJobDependency";

  @Metadata(
      label = "producer",
      description = "submitJob: how the command starts",
      javaType = "io.camelpcluster.pcluster.slurm.Launcher",
      enums = "NONE,SRUN,MPIRUN")
  public static final String JOB_LAUNCHER = "CamelPclusterJobLauncher";

  @Metadata(
      label = "producer",
      description = "submitJob: arguments for srun or mpirun: a list, or text split at spaces",
      javaType = "java.util.List<String>")
  public static final String JOB_LAUNCHER_ARGS = "CamelPclusterJobLauncherArgs";

  @Metadata(
      label = "producer",
      description =
          "runCommand: the program and its arguments: a list, or text split at spaces; takes"
              + " precedence over the command option and the body",
      javaType = "java.util.List<String>")
  public static final String COMMAND = "CamelPclusterCommand";

  // ---- Jobs on the head node (output)

  @Metadata(
      label = "producer",
      description =
          "The job's state (for an array, of the whole array): QUEUED, RUNNING, COMPLETED,"
              + " FAILED, CANCELLED, TIMEOUT or UNKNOWN",
      javaType = "io.camelpcluster.pcluster.slurm.JobState")
  public static final String JOB_STATE = "CamelPclusterJobState";

  @Metadata(
      label = "producer",
      description = "Slurm's own words for the job's state, e.g. CANCELLED by 1000",
      javaType = "String")
  public static final String JOB_RAW_STATE = "CamelPclusterJobRawState";

  @Metadata(
      label = "producer",
      description = "The exit status of the job's script once it has ended (0-255)",
      javaType = "Integer")
  public static final String JOB_EXIT_CODE = "CamelPclusterJobExitCode";

  @Metadata(
      label = "producer",
      description = "The signal that killed the job's script (0 when none), once it has ended",
      javaType = "Integer")
  public static final String JOB_SIGNAL = "CamelPclusterJobSignal";

  @Metadata(
      label = "producer",
      description = "The nodes allocated to the job, in Slurm's compressed notation",
      javaType = "String")
  public static final String JOB_NODE_LIST = "CamelPclusterJobNodeList";

  @Metadata(
      label = "producer",
      description = "Why the job waits or ended (Resources, NonZeroExitCode, ...)",
      javaType = "String")
  public static final String JOB_REASON = "CamelPclusterJobReason";

  @Metadata(
      label = "producer",
      description = "getJobOutput: the size of the whole output file in bytes",
      javaType = "Long")
  public static final String JOB_OUTPUT_SIZE = "CamelPclusterJobOutputSize";

  @Metadata(
      label = "producer",
      description =
          "getJobOutput: true when the output is larger than outputMaxBytes and the body holds its"
              + " end only",
      javaType = "Boolean")
  public static final String JOB_OUTPUT_TRUNCATED = "CamelPclusterJobOutputTruncated";

  @Metadata(
      label = "producer",
      description =
          "runCommand: the command's exit status (128 plus the signal number when killed by a signal)",
      javaType = "Integer")
  public static final String COMMAND_EXIT_CODE = "CamelPclusterCommandExitCode";

  // ---- Cluster events (consumer output)

  @Metadata(
      label = "consumer",
      description = "clusterEvents: what happened to the cluster",
      javaType = "String",
      enums = "CREATED,STATUS_CHANGED,DELETED")
  public static final String EVENT_TYPE = "CamelPclusterEventType";

  @Metadata(
      label = "consumer",
      description = "clusterEvents: the cluster status before the change (null when created)",
      javaType = "io.camelpcluster.pcluster.api.model.ClusterStatus")
  public static final String PREVIOUS_CLUSTER_STATUS = "CamelPclusterPreviousClusterStatus";

  private PclusterConstants() {}
}
