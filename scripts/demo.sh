#!/usr/bin/env bash
# Runs the ephemeral-cluster pipeline demo on a Debian/Ubuntu machine, as root:
#   1. installs a JDK (17+) and Maven if missing (scripts/prereqs.sh),
#   2. installs and starts the local Slurm + Open MPI if missing (scripts/local-slurm.sh, idempotent),
#   3. builds the demo and the modules it needs (tests skipped),
#   4. runs it with --once: local S3 + ParallelCluster emulator in process, a sample text uploaded, a cluster
#      created for it, an MPI word count on 2 ranks, the result in the results bucket, the cluster deleted.
# Extra arguments go to the demo (e.g. --data-dir DIR, --no-sample; see --help). Exit code: the demo's.
set -euo pipefail
cd "$(dirname "$0")/.."

# Java 17 takes its default charset and file-name encoding from the locale; object keys may be unicode.
export LANG=C.UTF-8 LC_ALL=C.UTF-8

step() { printf '\ndemo: [%3ds] %s\n' "$SECONDS" "$*"; }

for arg in "$@"; do
  if [[ $arg == --help || $arg == -h ]]; then
    cat <<USAGE
usage: scripts/demo.sh [demo options]
Installs what is missing (JDK, Maven, Slurm, Open MPI), builds the demo and runs it once.
Demo options are passed to PipelineMain after --once; build first to see them all:
  java -cp 'examples/ephemeral-pipeline/target/*:examples/ephemeral-pipeline/target/lib/*' \\
    io.camelpcluster.examples.pipeline.PipelineMain --help
USAGE
    exit 0
  fi
done

step "JDK and Maven (scripts/prereqs.sh)"
bash scripts/prereqs.sh

step "local Slurm with Open MPI (scripts/local-slurm.sh; installs and starts only what is missing)"
bash scripts/local-slurm.sh

step "building the demo: mvn -B -q -DskipTests -pl examples/ephemeral-pipeline -am package"
# (sed: Maven's quiet mode still prints colour resets; the pipeline keeps Maven's exit status: pipefail)
mvn -B -q -ntp -DskipTests -pl examples/ephemeral-pipeline -am package 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g' -e '/^$/d'

demo_dir=examples/ephemeral-pipeline/target
step "running: java -cp '$demo_dir/*:$demo_dir/lib/*' io.camelpcluster.examples.pipeline.PipelineMain --once $*"
status=0
java -cp "$demo_dir/*:$demo_dir/lib/*" io.camelpcluster.examples.pipeline.PipelineMain --once "$@" || status=$?
if ((status == 0)); then
  step "done: the input was processed and its cluster deleted"
else
  step "the demo failed with exit code $status (see the messages above)"
fi
exit "$status"
