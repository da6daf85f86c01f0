package io.camelpcluster.pcluster.headnode;

import io.camelpcluster.pcluster.slurm.ShellQuote;
import java.util.List;
import java.util.Map;

/**
 * The one program every transport starts to run a command: a POSIX shell that reads the command
 * line from standard input to its end, then evaluates it. The command line thus never appears in a
 * process's arguments (which every local user can read), in an SSH exec request or in a server log,
 * and is not limited by the 128 KiB a single argument may have; the command itself sees its
 * standard input at end of file.
 */
final class CommandShell {

  /** The shell program; its variable is not exported, so the command's children do not see it. */
  static final String PROGRAM = "__pcluster_cmd=$(cat) && eval \"$__pcluster_cmd\"";

  /** Signal names of SSH's exit-signal, with their Linux numbers. */
  private static final Map<String, Integer> SIGNALS =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("ILL", 4),
          Map.entry("ABRT", 6),
          Map.entry("FPE", 8),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("SEGV", 11),
          Map.entry("USR2", 12),
          Map.entry("PIPE", 13),
          Map.entry("ALRM", 14),
          Map.entry("TERM", 15));

  private CommandShell() {}

  /** The argv that starts the program locally. */
  static List<String> argv() {
    return List.of("/bin/sh", "-c", PROGRAM);
  }

  /** The exec request that starts the program through a login shell (SSH). */
  static String execRequest() {
    return "/bin/sh -c " + ShellQuote.quote(PROGRAM);
  }

  /** The exit status a shell reports for a command killed by the named signal. */
  static int exitStatusOfSignal(String signalName) {
    Integer number = SIGNALS.get(signalName);
    return number == null ? 255 : 128 + number;
  }
}
