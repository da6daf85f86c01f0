/**
 * Slurm jobs on a head node: {@link io.camelpcluster.pcluster.jobs.JobService} submits, describes,
 * lists, cancels and reads jobs through a {@link
 * io.camelpcluster.pcluster.headnode.HeadNodeAccess}, with the command lines and parsers of {@link
 * io.camelpcluster.pcluster.slurm}.
 *
 * <p>{@link io.camelpcluster.pcluster.jobs.JobService#status} is the one call a job waiter makes
 * per head node and interval: one {@code squeue} for every watched job, plus one read of exit-code
 * files when jobs have left the queue. A job that left without a record is reported lost after a
 * grace period instead of being waited on forever. {@link
 * io.camelpcluster.pcluster.jobs.JobFailedException} describes a job that ended other than
 * COMPLETED, for callers that treat that as an error.
 */
package io.camelpcluster.pcluster.jobs;
