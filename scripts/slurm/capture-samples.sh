#!/usr/bin/env bash
# Captures the output formats of the Slurm commands the component parses, from the local single-node cluster that
# scripts/local-slurm.sh sets up, into scripts/slurm/samples/ (test fixtures for the Slurm parsers), and measures how
# long a job with --time=1 takes to reach TIMEOUT. Run as root after scripts/local-slurm.sh; takes about 2 minutes.
# Jobs are submitted as ec2-user. Other jobs on the cluster may show up in the squeue --json samples.
set -euo pipefail

readonly CLUSTER_USER=ec2-user
SAMPLES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/samples
readonly SAMPLES
WORK=$(mktemp -d /tmp/camel-pcluster-samples.XXXXXX)
readonly WORK
chown "$CLUSTER_USER:$CLUSTER_USER" "$WORK"
mkdir -p "$SAMPLES"

log() { printf 'capture-samples: %s\n' "$*" >&2; }

as_user() { (cd "$WORK" && runuser -u "$CLUSTER_USER" -- "$@"); }

# Submits a batch job as the cluster user: submit NAME SBATCH_OPTION... -- SCRIPT_BODY; prints sbatch --parsable.
submit() {
  local name=$1
  shift
  local options=()
  while [[ $1 != -- ]]; do
    options+=("$1")
    shift
  done
  printf '#!/bin/bash\n%s\n' "$2" >"$WORK/$name.sh"
  chown "$CLUSTER_USER:$CLUSTER_USER" "$WORK/$name.sh"
  as_user sbatch --parsable --job-name="$name" --chdir="$WORK" --output="$WORK/$name.out" "${options[@]}" "$name.sh"
}

job_state() { scontrol show job -o "$1" | grep -o 'JobState=[A-Z_]*' | cut -d= -f2; }
job_reason() { scontrol show job -o "$1" | grep -o 'Reason=[A-Za-z_]*' | cut -d= -f2; }

# squeue --json on 22.05 ignores -j/-u and lists every job slurmctld still holds (finished ones too, for MinJobAge):
# keep only the jobs of this capture, so that the fixture does not depend on what else ran on the cluster.
squeue_json_of() {
  squeue --json | python3 -c '
import json, sys
keep = {int(i) for i in sys.argv[1:]}
d = json.load(sys.stdin)
d["jobs"] = [j for j in d["jobs"] if j["job_id"] in keep]
json.dump(d, sys.stdout, indent=2)
print()' "$@"
}

# Waits (at most $3 seconds) until job $1 is in a state matching the extended regex $2.
await_state() {
  local deadline=$((SECONDS + $3))
  until [[ $(job_state "$1") =~ ^($2)$ ]]; do
    ((SECONDS < deadline)) || {
      log "job $1 not in state $2 after $3 s (now $(job_state "$1"))"
      return 1
    }
    sleep 0.2
  done
}

save() { # save FILE COMMAND...: the command's stdout, stderr and exit code
  local file=$1 rc=0
  shift
  "$@" >"$SAMPLES/$file" 2>"$WORK/stderr" || rc=$?
  if [[ -s $WORK/stderr ]]; then cp "$WORK/stderr" "$SAMPLES/$file.stderr"; else rm -f "$SAMPLES/$file.stderr"; fi
  printf '%s\n' "$rc" >"$SAMPLES/$file.exitcode"
}

log "finished jobs: completed, failed with exit 3"
completed=$(submit completed --ntasks=1 --time=5 -- 'echo done')
printf '%s\n' "$completed" >"$SAMPLES/sbatch-parsable.txt"
failed=$(submit failed --ntasks=1 --time=5 -- 'echo failing >&2; exit 3')
await_state "$completed" COMPLETED 60
await_state "$failed" FAILED 60
save scontrol-show-job-completed.txt scontrol show job -o "$completed"
save scontrol-show-job-failed-exit3.txt scontrol show job -o "$failed"

log "time limit: --time=1 running sleep 600"
timeout_job=$(submit timelimit --ntasks=1 --time=1 -- 'sleep 600')
await_state "$timeout_job" RUNNING 60
timeout_started=$SECONDS

log "running, pending (resources) and held jobs"
running=$(submit running --ntasks=1 --time=5 -- 'sleep 300')
await_state "$running" RUNNING 60
pending=$(submit pending --ntasks=2 --time=5 -- 'sleep 10')
held=$(submit held --hold --ntasks=1 --time=5 -- 'sleep 10')
await_state "$pending" PENDING 10
deadline=$((SECONDS + 60))
until [[ $(job_reason "$pending") =~ ^(Resources|Priority)$ ]] || ((SECONDS > deadline)); do sleep 0.5; done
save scontrol-show-job-running.txt scontrol show job -o "$running"
save scontrol-show-job-pending.txt scontrol show job -o "$pending"
save scontrol-show-job-held.txt scontrol show job -o "$held"
save squeue-format-running-pending.txt squeue -h -o '%i|%T|%r|%N' -j "$running,$pending,$held,$timeout_job"
save squeue-json-running-pending.json squeue_json_of "$completed" "$failed" "$timeout_job" "$running" "$pending" "$held"
save scontrol-show-job-unknown-id.txt scontrol show job -o 999999
save sbatch-parsable-invalid-partition.txt as_user sbatch --parsable --partition=nosuchqueue --wrap=true

log "cancelled jobs"
as_user scancel "$running" "$pending" "$held"
await_state "$running" CANCELLED 60
save scontrol-show-job-cancelled-running.txt scontrol show job -o "$running"
save scontrol-show-job-cancelled-pending.txt scontrol show job -o "$pending"
save squeue-format-finished.txt squeue -h -t all -o '%i|%T|%r|%N' -j "$completed,$failed,$running,$pending"

log "accounting disabled: sacct"
save sacct-no-accounting.txt sacct -j "$completed" -n -P -o JobID,State,ExitCode

log "waiting for job $timeout_job to reach TIMEOUT"
await_state "$timeout_job" TIMEOUT 240
latency=$((SECONDS - timeout_started))
save scontrol-show-job-timeout.txt scontrol show job -o "$timeout_job"
save squeue-json-finished.json squeue_json_of "$completed" "$failed" "$timeout_job" "$running" "$pending" "$held"
save squeue-format-timeout.txt squeue -h -t all -o '%i|%T|%r|%N' -j "$timeout_job"
log "job $timeout_job with --time=1 reached TIMEOUT ${latency} s after it started running"
printf 'job with --time=1 running sleep 600 reached TIMEOUT %s s after it was seen RUNNING\n' "$latency" \
  >"$SAMPLES/timeout-latency.txt"
scontrol show job -o "$timeout_job" | grep -o 'StartTime=[^ ]* EndTime=[^ ]*' >>"$SAMPLES/timeout-latency.txt"

{
  slurm=$(sinfo --version)
  mpi=$(mpirun --version | head -n 1)
  printf 'Captured by scripts/slurm/capture-samples.sh on %s with %s, %s.\n' "$(date -u +%Y-%m-%d)" "$slurm" "$mpi"
} >"$SAMPLES/VERSIONS.txt"
rm -rf "$WORK"
log "samples in $SAMPLES"
