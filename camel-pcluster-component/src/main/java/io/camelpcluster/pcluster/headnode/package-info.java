/**
 * Running shell commands and moving files on a cluster's head node, as a configured POSIX user:
 * {@link io.camelpcluster.pcluster.headnode.HeadNodeAccess} with one implementation per transport
 * ({@link io.camelpcluster.pcluster.headnode.LocalAccess}, {@link
 * io.camelpcluster.pcluster.headnode.SshAccess}, {@link
 * io.camelpcluster.pcluster.headnode.SsmAccess}), chosen by {@link
 * io.camelpcluster.pcluster.headnode.HeadNodeAccessOptions} and opened by {@link
 * io.camelpcluster.pcluster.headnode.HeadNodeAccessFactory}.
 *
 * <p>Every transport runs a command the same way: a fixed POSIX shell program reads the command
 * line from its standard input and evaluates it (see {@link
 * io.camelpcluster.pcluster.headnode.HeadNodeCommand}), so command lines, which may carry secrets,
 * never appear in a process's arguments, in an SSH request or in a log; only their label does.
 * Commands run asynchronously without a thread waiting on each, until they end or their timeout
 * kills them.
 */
package io.camelpcluster.pcluster.headnode;
