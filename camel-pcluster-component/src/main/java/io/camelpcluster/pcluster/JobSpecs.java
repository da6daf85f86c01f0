package io.camelpcluster.pcluster;

import io.camelpcluster.pcluster.slurm.JobFiles;
import io.camelpcluster.pcluster.slurm.JobSpec;
import io.camelpcluster.pcluster.slurm.Launcher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * The job of a submitJob exchange: a {@link JobSpec} from the input headers, the endpoint options
 * and the body (or the body itself with {@code pojoRequest=true}), validated by the spec's builder
 * before anything is sent.
 */
final class JobSpecs {

  private static final List<String> RESOURCE_PREFIXES = List.of("classpath:", "file:");

  private JobSpecs() {}

  /**
   * The job to submit.
   *
   * @throws io.camelpcluster.pcluster.slurm.InvalidJobSpecException listing every problem
   * @throws IllegalArgumentException when the script cannot be found or read
   */
  static JobSpec of(ExchangeInputs inputs) {
    if (inputs.pojoRequest()) {
      return inputs.pojo(JobSpec.class);
    }
    PclusterConfiguration options = inputs.configuration();
    JobSpec.Builder job = JobSpec.builder();
    program(inputs, job);
    set(inputs.value(PclusterConstants.JOB_NODES, Integer.class, options.getNodes()), job::nodes);
    set(
        inputs.value(PclusterConstants.JOB_NTASKS, Integer.class, options.getNtasks()),
        job::ntasks);
    set(
        inputs.value(
            PclusterConstants.JOB_NTASKS_PER_NODE, Integer.class, options.getNtasksPerNode()),
        job::ntasksPerNode);
    set(
        inputs.value(PclusterConstants.JOB_CPUS_PER_TASK, Integer.class, options.getCpusPerTask()),
        job::cpusPerTask);
    set(inputs.text(PclusterConstants.JOB_MEMORY, options.getMemory()), job::memory);
    set(inputs.text(PclusterConstants.JOB_TIME_LIMIT, options.getTimeLimit()), job::timeLimit);
    set(inputs.text(PclusterConstants.JOB_PARTITION, options.getPartition()), job::partition);
    set(inputs.text(PclusterConstants.JOB_NAME, options.getJobName()), job::name);
    set(workingDirectory(inputs), job::workingDirectory);
    job.environment(options.getJobEnv());
    Object env = inputs.exchange().getMessage().getHeader(PclusterConstants.JOB_ENV);
    if (env instanceof Map<?, ?> map) {
      map.forEach(
          (name, value) ->
              job.environment(String.valueOf(name), value == null ? null : String.valueOf(value)));
    } else if (env != null) {
      throw new IllegalArgumentException(
          "header " + PclusterConstants.JOB_ENV + " must be a Map of variable names to values");
    }
    set(inputs.text(PclusterConstants.JOB_ARRAY, options.getArray()), job::array);
    set(inputs.text(PclusterConstants.JOB_DEPENDENCY, options.getDependency()), job::dependency);
    set(
        inputs.value(PclusterConstants.JOB_LAUNCHER, Launcher.class, options.getLauncher()),
        job::launcher);
    job.launcherArguments(
        inputs.list(PclusterConstants.JOB_LAUNCHER_ARGS, options.getLauncherArgs(), "\\s+"));
    return job.build();
  }

  /**
   * The files of a job submitted with the exchange's working directory: where waitJob and
   * getJobOutput find its exit code and output.
   */
  static JobFiles files(ExchangeInputs inputs) {
    String directory = workingDirectory(inputs);
    if (directory == null) {
      return new JobFiles(".");
    }
    // the spec checks and normalises the directory (~/x is x) as it did when the job was submitted
    return JobFiles.of(JobSpec.builder().command("true").workingDirectory(directory).build());
  }

  private static String workingDirectory(ExchangeInputs inputs) {
    return inputs.text(
        PclusterConstants.JOB_WORKING_DIRECTORY, inputs.configuration().getWorkingDirectory());
  }

  /**
   * The script or command: from the headers if either is set, else from the options if either is
   * set, else from the body (text is a script, a list a command). Giving both at one level is
   * refused by the spec.
   */
  private static void program(ExchangeInputs inputs, JobSpec.Builder job) {
    String script = inputs.text(PclusterConstants.JOB_SCRIPT, null);
    List<String> command = inputs.list(PclusterConstants.JOB_COMMAND, null, "\\s+");
    if (script == null && command.isEmpty()) {
      PclusterConfiguration options = inputs.configuration();
      String location = options.getJobScript();
      script = location == null || location.isBlank() ? null : script(inputs, location);
      command = words(options.getJobCommand());
    }
    if (script == null && command.isEmpty()) {
      Object body = inputs.exchange().getMessage().getBody();
      if (body instanceof Collection<?> argv) {
        command = argv.stream().map(a -> a == null ? null : String.valueOf(a)).toList();
      } else if (body != null) {
        script = inputs.exchange().getMessage().getBody(String.class);
      }
    }
    if ((script == null || script.isBlank()) && command.isEmpty()) {
      throw new IllegalArgumentException(
          "submitJob needs a batch script or a command: the body, the jobScript or jobCommand"
              + " option, or the "
              + PclusterConstants.JOB_SCRIPT
              + " or "
              + PclusterConstants.JOB_COMMAND
              + " header");
    }
    if (script != null) {
      job.script(script);
    }
    if (!command.isEmpty()) {
      job.command(command);
    }
  }

  /** The script text of the jobScript option: a classpath: or file: resource, or the text. */
  private static String script(ExchangeInputs inputs, String location) {
    if (RESOURCE_PREFIXES.stream().noneMatch(location::startsWith)) {
      return location;
    }
    CamelContext context = inputs.exchange().getContext();
    Resource resource = PluginHelper.getResourceLoader(context).resolveResource(location);
    if (resource == null || !resource.exists()) {
      throw new IllegalArgumentException("jobScript: " + location + " not found");
    }
    try (InputStream in = resource.getInputStream()) {
      byte[] bytes = in.readNBytes(JobSpec.MAX_SCRIPT_BYTES + 1);
      if (bytes.length > JobSpec.MAX_SCRIPT_BYTES) {
        throw new IllegalArgumentException(
            "jobScript: " + location + " is larger than " + JobSpec.MAX_SCRIPT_BYTES + " bytes");
      }
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("jobScript: " + location + " is not UTF-8 text", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "jobScript: " + location + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Text split at whitespace; empty for null or blank text. */
  static List<String> words(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.asList(text.strip().split("\\s+"));
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
