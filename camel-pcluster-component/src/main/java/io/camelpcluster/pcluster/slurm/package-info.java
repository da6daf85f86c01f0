/**
 * Slurm jobs without transport: what to run ({@link io.camelpcluster.pcluster.slurm.JobSpec}), the
 * batch script and shell command lines that run and watch it ({@link
 * io.camelpcluster.pcluster.slurm.SbatchScript}, {@link
 * io.camelpcluster.pcluster.slurm.SlurmCommands}, all quoting in {@link
 * io.camelpcluster.pcluster.slurm.ShellQuote}), and the parsers of what Slurm prints back, from
 * Slurm 22.05 to 24.x.
 *
 * <p>A head-node layer runs each command line as the job's user in a POSIX shell whose {@code HOME}
 * is that user's home, then hands stdout, stderr and the exit status to the matching parser:
 *
 * <ol>
 *   <li>{@link io.camelpcluster.pcluster.slurm.SlurmCommands#submit} &rarr; {@link
 *       io.camelpcluster.pcluster.slurm.SubmittedJob#parse}; remember the job's {@link
 *       io.camelpcluster.pcluster.slurm.JobFiles}.
 *   <li>Every poll interval, one {@link io.camelpcluster.pcluster.slurm.SlurmCommands#queueStatus}
 *       per head node for all watched jobs &rarr; {@link
 *       io.camelpcluster.pcluster.slurm.SqueueFormat#snapshot}: the jobs with their {@link
 *       io.camelpcluster.pcluster.slurm.JobState}, and the ids Slurm has forgotten.
 *   <li>For forgotten ids, one {@link io.camelpcluster.pcluster.slurm.SlurmCommands#readExitCodes}
 *       &rarr; {@link io.camelpcluster.pcluster.slurm.ExitCodeRecords#parse} and {@link
 *       io.camelpcluster.pcluster.slurm.ExitCodeRecords#resolveVanished}: the exit code the job's
 *       wrapper recorded decides, with or without accounting.
 * </ol>
 *
 * <p>Command lines carry the job's environment values and script; never log them.
 */
package io.camelpcluster.pcluster.slurm;
