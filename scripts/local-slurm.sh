#!/usr/bin/env bash
# Sets up, idempotently, the single-node HPC environment the integration tests use, on a Debian/Ubuntu machine
# without systemd, as root:
#   - packages: Slurm (slurmctld + slurmd + clients), munge, Open MPI (+ mpicc), OpenSSH server/client, curl;
#   - the cluster user `ec2-user` (jobs run as this user, as on a ParallelCluster head node);
#   - munged, slurmctld and slurmd, with a generated /etc/slurm/slurm.conf (partitions `queue1` (default) and `debug`);
#   - a test sshd on 127.0.0.1:2222 only (own config, own host keys, key-only login as ec2-user), with the client
#     key pair and known_hosts in /var/lib/camel-pcluster/ssh/;
#   - a self-check: an MPI hello world compiled with mpicc and run on 2 ranks with sbatch + mpirun as ec2-user.
# A second run with everything healthy installs nothing and restarts nothing. Daemons that died or left stale pid
# files are started again. Run with --help for the options.
set -euo pipefail
export PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin

readonly PACKAGES=(slurm-wlm munge openmpi-bin libopenmpi-dev openssh-server openssh-client curl gcc libc6-dev)
readonly CLUSTER_USER=ec2-user
readonly STATE_DIR=/var/lib/camel-pcluster
readonly SSH_DIR=$STATE_DIR/ssh
# Client keys of ec2-user: Ed25519, and ECDSA P-256 for SSH libraries without Ed25519 support.
readonly KEY_TYPES=(ed25519 ecdsa)
readonly CLIENT_KEY=$SSH_DIR/id_ed25519
readonly KNOWN_HOSTS=$SSH_DIR/known_hosts
readonly SSHD_ADDRESS=127.0.0.1
readonly SSHD_PORT=2222
readonly SSHD_CONFIG=/etc/ssh/sshd_config_camel_pcluster
readonly SSHD_HOST_KEY_PREFIX=/etc/ssh/camel_pcluster_host_
readonly SSHD_PID=/run/sshd_camel_pcluster.pid
readonly SSHD_LOG=/var/log/camel-pcluster-sshd.log
readonly SLURM_CONF=/etc/slurm/slurm.conf
readonly SLURM_LOG_DIR=/var/log/slurm
readonly SLURMCTLD_PID=/run/slurmctld.pid
readonly SLURMD_PID=/run/slurmd.pid
readonly MUNGE_PID=/run/munge/munged.pid
readonly MUNGE_SOCKET=/run/munge/munge.socket.2
readonly MUNGE_KEY=/etc/munge/munge.key
readonly APT_LOG=/var/log/camel-pcluster-apt.log
readonly APT_TIMEOUT_SECONDS=900
readonly START_TIMEOUT_SECONDS=60
readonly SELF_CHECK_TIMEOUT_SECONDS=120
readonly LOCK_FILE=/run/lock/camel-pcluster-local-slurm.lock
SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly SCRIPT_DIR

log() { printf 'local-slurm: [%3ds] %s\n' "$SECONDS" "$*"; }
die() {
  printf 'local-slurm: ERROR: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat <<EOF
Usage: $0 [--status | --stop | --help]
  (no option)  install what is missing, start what is not running, run the MPI self-check, print a summary
  --status     print the summary; exit 1 if a daemon is not healthy (changes nothing)
  --stop       stop the daemons this script starts (sshd on port $SSHD_PORT, slurmd, slurmctld, munged)
EOF
}

# ---------------------------------------------------------------------------------------------------------------
# processes

# Succeeds if process $1 exists and is not a zombie (a killed daemon stays a zombie until init reaps it).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat:0:1} != Z ]]
}

# Prints the pid recorded in pid file $1 if that process is alive and named $2; removes a stale pid file.
live_pid() {
  local file=$1 name=$2 pid
  [[ -r $file ]] || return 1
  pid=$(tr -dc '0-9' <"$file")
  if [[ -n $pid && $(cat "/proc/$pid/comm" 2>/dev/null) == "$name" ]] && alive "$pid"; then
    echo "$pid"
    return 0
  fi
  rm -f "$file"
  return 1
}

# Prints the pids of every running daemon named $1 (pid file $2 first, then any other process of that exact name).
daemon_pids() {
  local name=$1 file=$2
  local pid
  for pid in $({ live_pid "$file" "$name" || true; pgrep -x "$name" || true; } | sort -u); do
    if alive "$pid"; then echo "$pid"; fi
  done
}

# Prints the pids of this script's sshd listener (not a system sshd, and not per-connection children).
sshd_pids() {
  local pid
  for pid in $({ live_pid "$SSHD_PID" sshd || true; pgrep -f -- "sshd -f $SSHD_CONFIG" || true; } | sort -u); do
    if alive "$pid"; then echo "$pid"; fi
  done
}

# Runs a daemon that forks into the background, without the lock file descriptor (it would hold the lock forever).
spawn() { "$@" 9>&- </dev/null; }

# Sends SIGTERM to the given pids, waits up to 10 s, then SIGKILLs the survivors.
stop_pids() {
  local pid deadline=$((SECONDS + 10))
  (($#)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  for pid in "$@"; do
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}

# Waits until command "$@" succeeds, for at most $START_TIMEOUT_SECONDS; fails otherwise.
await() {
  local deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# Writes stdin to file $1 (mode $2) unless it already has exactly that content. Succeeds only when it wrote.
write_if_changed() {
  local file=$1 mode=$2 tmp
  tmp=$(mktemp "$file.XXXXXX")
  cat >"$tmp"
  if [[ -f $file ]] && cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
    return 1
  fi
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$file"
}

tail_logs() {
  local file
  for file in "$@"; do
    if [[ -r $file ]]; then
      printf -- '--- last lines of %s ---\n' "$file" >&2
      tail -n 25 "$file" >&2
    fi
  done
}

# ---------------------------------------------------------------------------------------------------------------
# packages and user

missing_packages() {
  local package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q 'ok installed' || echo "$package"
  done
}

install_packages() {
  local missing rc=0 policy_created=''
  mapfile -t missing < <(missing_packages)
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (log: $APT_LOG)"
  # Package scripts must not start daemons with default configurations: this script starts them itself.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 0755 /usr/sbin/policy-rc.d
    policy_created=1
  fi
  {
    DEBIAN_FRONTEND=noninteractive timeout "$APT_TIMEOUT_SECONDS" \
      apt-get -q -o DPkg::Lock::Timeout=120 update &&
      DEBIAN_FRONTEND=noninteractive timeout "$APT_TIMEOUT_SECONDS" \
        apt-get -q -y -o DPkg::Lock::Timeout=120 -o Dpkg::Options::=--force-confold \
        --no-install-recommends install "${missing[@]}"
  } >"$APT_LOG" 2>&1 || rc=$?
  [[ -z $policy_created ]] || rm -f /usr/sbin/policy-rc.d
  if ((rc != 0)); then
    tail_logs "$APT_LOG"
    ((rc != 124)) || die "apt-get timed out after ${APT_TIMEOUT_SECONDS}s installing ${missing[*]}"
    die "apt-get failed (exit $rc) installing ${missing[*]}; full log: $APT_LOG"
  fi
  mapfile -t missing < <(missing_packages)
  ((${#missing[@]} == 0)) || die "still not installed after apt-get: ${missing[*]}"
}

ensure_user() {
  local home
  if ! id -u "$CLUSTER_USER" >/dev/null 2>&1; then
    log "creating user $CLUSTER_USER"
    useradd --create-home --user-group --shell /bin/bash --comment "cluster user for camel-pcluster tests" \
      "$CLUSTER_USER"
  fi
  home=$(getent passwd "$CLUSTER_USER" | cut -d: -f6)
  [[ -d $home ]] || install -d -o "$CLUSTER_USER" -g "$CLUSTER_USER" -m 0755 "$home"
  # sshd without PAM refuses accounts whose password is locked ("!..."); "*" means: no password, not locked.
  if [[ $(getent shadow "$CLUSTER_USER" | cut -d: -f2) == '!'* ]]; then
    usermod -p '*' "$CLUSTER_USER"
  fi
}

user_home() { getent passwd "$CLUSTER_USER" | cut -d: -f6; }

# ---------------------------------------------------------------------------------------------------------------
# munge

munge_ok() { munge -n 2>/dev/null | unmunge >/dev/null 2>&1; }

ensure_munge() {
  install -d -o munge -g munge -m 0755 /run/munge
  install -d -o munge -g munge -m 0700 /etc/munge /var/lib/munge /var/log/munge
  if [[ ! -s $MUNGE_KEY ]]; then
    log "creating $MUNGE_KEY"
    (umask 077 && head -c 1024 /dev/urandom >"$MUNGE_KEY")
  fi
  chown munge:munge "$MUNGE_KEY"
  chmod 0400 "$MUNGE_KEY"
  local pids
  mapfile -t pids < <(daemon_pids munged "$MUNGE_PID")
  # (munge without a daemon takes seconds to give up: ask only a running one)
  ((${#pids[@]} > 0)) && munge_ok && return 0

  ((${#pids[@]} == 0)) || log "munged ${pids[*]} does not answer: stopping it"
  stop_pids "${pids[@]}"
  rm -f "$MUNGE_PID" "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"
  log "starting munged"
  spawn runuser -u munge -- /usr/sbin/munged || {
    tail_logs /var/log/munge/munged.log
    die "munged did not start"
  }
  await munge_ok || {
    tail_logs /var/log/munge/munged.log
    die "munged does not answer 'munge -n | unmunge' after ${START_TIMEOUT_SECONDS}s"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# slurm

node_name() { hostname -s; }

# RealMemory: half of the physical memory (a stable value, so the file does not change from run to run with the
# free memory; memory is not a consumable resource with CR_Core, slurmd only checks it does not exceed the total).
render_slurm_conf() {
  local node cpus memory_mb
  node=$(node_name)
  cpus=$(nproc)
  memory_mb=$(awk '/^MemTotal:/ { m = int($2 / 1024 / 2 / 256) * 256; print (m < 256 ? 256 : m) }' /proc/meminfo)
  cat <<EOF
# Generated by camel-pcluster scripts/local-slurm.sh; it is rewritten when it differs from what the script renders.
# A single-node cluster for tests, without systemd or cgroups, without accounting.
ClusterName=camel-pcluster
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=$SLURMCTLD_PID
SlurmdPidFile=$SLURMD_PID
SlurmctldLogFile=$SLURM_LOG_DIR/slurmctld.log
SlurmdLogFile=$SLURM_LOG_DIR/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
# Schedule a submitted batch job at once (default: up to 3 s later).
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
MpiDefault=none
ReturnToService=2
# Jobs stay visible to 'scontrol show job' for 5 minutes after they end (MinJobAge, the default).
MinJobAge=300
# Short timers so that tests are quick.
KillWait=2
OverTimeLimit=0
InactiveLimit=0
MessageTimeout=10
SlurmctldTimeout=30
SlurmdTimeout=30
WaitTime=0
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus Boards=1 SocketsPerBoard=1 CoresPerSocket=$cpus ThreadsPerCore=1 RealMemory=$memory_mb State=UNKNOWN
PartitionName=queue1 Nodes=$node Default=YES MaxTime=INFINITE State=UP
PartitionName=debug Nodes=$node Default=NO MaxTime=30 State=UP
EOF
}

slurmctld_ok() {
  live_pid "$SLURMCTLD_PID" slurmctld >/dev/null &&
    timeout 10 scontrol ping 2>/dev/null | grep -q 'is UP'
}

# Long node state as sinfo prints it, e.g. idle, mixed, allocated, down*, drained, idle* ("*": not responding).
node_state() { timeout 10 sinfo -h -n "$(node_name)" -o '%T' 2>/dev/null | head -n 1; }

# Starts slurmctld; with -c it discards the saved jobs (needed when the node name changed).
start_slurmctld() {
  local pids
  mapfile -t pids < <(daemon_pids slurmctld "$SLURMCTLD_PID")
  stop_pids "${pids[@]}"
  rm -f "$SLURMCTLD_PID"
  log "starting slurmctld $*"
  spawn /usr/sbin/slurmctld "$@" || {
    tail_logs "$SLURM_LOG_DIR/slurmctld.log"
    die "slurmctld did not start"
  }
  await slurmctld_ok || {
    tail_logs "$SLURM_LOG_DIR/slurmctld.log"
    die "slurmctld does not answer 'scontrol ping' after ${START_TIMEOUT_SECONDS}s"
  }
}

start_slurmd() {
  local pids
  mapfile -t pids < <(daemon_pids slurmd "$SLURMD_PID")
  stop_pids "${pids[@]}"
  rm -f "$SLURMD_PID"
  log "starting slurmd"
  spawn /usr/sbin/slurmd || {
    tail_logs "$SLURM_LOG_DIR/slurmd.log"
    die "slurmd did not start"
  }
}

# Succeeds once the node is usable (responding, not down or drained). Resumes a responding node that is down or
# drained (ReturnToService=2 does that for nodes that were down for not responding, not for drained ones).
node_ready() {
  local state
  state=$(node_state)
  case $state in
    idle | mixed | allocated | completing) return 0 ;;
    down | drained | draining | drain | fail | failing)
      log "node $(node_name) is $state: resuming it"
      scontrol update nodename="$(node_name)" state=resume 2>/dev/null || true
      ;;
  esac
  return 1
}

ensure_slurm() {
  local conf_changed='' pids previous_node clear_state=()
  install -d -m 0755 /etc/slurm "$SLURM_LOG_DIR" /var/spool/slurmd /var/spool/slurmctld
  previous_node=$(sed -n 's/^NodeName=\([^ ]*\).*/\1/p' "$SLURM_CONF" 2>/dev/null || true)
  if [[ -n $previous_node && $previous_node != "$(node_name)" ]]; then
    log "node name changed from $previous_node to $(node_name): slurmctld starts without the saved jobs"
    clear_state=(-c)
  fi
  if render_slurm_conf | write_if_changed "$SLURM_CONF" 0644; then
    log "wrote $SLURM_CONF"
    conf_changed=1
  fi
  if [[ -n $conf_changed ]] && { live_pid "$SLURMCTLD_PID" slurmctld || live_pid "$SLURMD_PID" slurmd; } >/dev/null
  then
    log "configuration changed: restarting slurmd and slurmctld"
    mapfile -t pids < <(daemon_pids slurmd "$SLURMD_PID")
    stop_pids "${pids[@]}"
  fi
  if [[ -n $conf_changed ]] || ! slurmctld_ok; then
    start_slurmctld "${clear_state[@]}"
  fi
  if [[ -n $conf_changed ]] || ! live_pid "$SLURMD_PID" slurmd >/dev/null; then
    start_slurmd
  fi
  await node_ready || {
    tail_logs "$SLURM_LOG_DIR/slurmctld.log" "$SLURM_LOG_DIR/slurmd.log"
    die "node $(node_name) is not idle after ${START_TIMEOUT_SECONDS}s (state: '$(node_state)')"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# sshd on 127.0.0.1:2222

render_sshd_config() {
  cat <<EOF
# Generated by camel-pcluster scripts/local-slurm.sh: a test sshd, loopback only, key-only, for $CLUSTER_USER.
Port $SSHD_PORT
ListenAddress $SSHD_ADDRESS
HostKey ${SSHD_HOST_KEY_PREFIX}ed25519_key
HostKey ${SSHD_HOST_KEY_PREFIX}ecdsa_key
PidFile $SSHD_PID
AllowUsers $CLUSTER_USER
PermitRootLogin no
PubkeyAuthentication yes
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
AuthorizedKeysFile .ssh/authorized_keys
StrictModes yes
X11Forwarding no
AllowTcpForwarding no
PrintMotd no
MaxStartups 30:50:100
MaxSessions 20
Subsystem sftp internal-sftp
EOF
}

ssh_ok() {
  timeout 15 ssh -q -n -i "$CLIENT_KEY" -p "$SSHD_PORT" \
    -o BatchMode=yes -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile="$KNOWN_HOSTS" \
    -o GlobalKnownHostsFile=/dev/null -o ConnectTimeout=5 "$CLUSTER_USER@$SSHD_ADDRESS" true 2>/dev/null
}

ensure_sshd() {
  local config_changed='' home type host_key pids
  install -d -m 0755 /run/sshd "$STATE_DIR"
  install -d -m 0700 "$SSH_DIR"
  home=$(user_home)
  install -d -o "$CLUSTER_USER" -g "$CLUSTER_USER" -m 0700 "$home/.ssh"
  touch "$home/.ssh/authorized_keys"
  for type in "${KEY_TYPES[@]}"; do
    host_key=${SSHD_HOST_KEY_PREFIX}${type}_key
    [[ -s $host_key ]] || ssh-keygen -q -t "$type" -N '' -C camel-pcluster-test-sshd -f "$host_key"
    [[ -s $SSH_DIR/id_$type ]] ||
      ssh-keygen -q -t "$type" -N '' -C "$CLUSTER_USER@camel-pcluster-test" -f "$SSH_DIR/id_$type"
    grep -qxF -- "$(cat "$SSH_DIR/id_$type.pub")" "$home/.ssh/authorized_keys" ||
      cat "$SSH_DIR/id_$type.pub" >>"$home/.ssh/authorized_keys"
  done
  for type in "${KEY_TYPES[@]}"; do
    host_key=$(cut -d ' ' -f 1,2 "${SSHD_HOST_KEY_PREFIX}${type}_key.pub")
    printf '[%s]:%s %s\n[localhost]:%s %s\n' "$SSHD_ADDRESS" "$SSHD_PORT" "$host_key" "$SSHD_PORT" "$host_key"
  done | write_if_changed "$KNOWN_HOSTS" 0644 || true
  chown "$CLUSTER_USER:$CLUSTER_USER" "$home/.ssh/authorized_keys"
  chmod 0600 "$home/.ssh/authorized_keys"

  if render_sshd_config | write_if_changed "$SSHD_CONFIG" 0644; then
    log "wrote $SSHD_CONFIG"
    config_changed=1
  fi
  /usr/sbin/sshd -t -f "$SSHD_CONFIG" || die "/usr/sbin/sshd -t rejects $SSHD_CONFIG"
  if [[ -z $config_changed ]] && live_pid "$SSHD_PID" sshd >/dev/null && ssh_ok; then
    return 0
  fi
  mapfile -t pids < <(sshd_pids)
  stop_pids "${pids[@]}"
  rm -f "$SSHD_PID"
  log "starting sshd on $SSHD_ADDRESS:$SSHD_PORT"
  spawn /usr/sbin/sshd -f "$SSHD_CONFIG" -E "$SSHD_LOG" || {
    tail_logs "$SSHD_LOG"
    die "sshd did not start"
  }
  await ssh_ok || {
    tail_logs "$SSHD_LOG"
    die "ssh -p $SSHD_PORT $CLUSTER_USER@$SSHD_ADDRESS with $CLIENT_KEY fails"
  }
}

# ---------------------------------------------------------------------------------------------------------------
# self-check and summary

# Prints the state of job $1 (e.g. PENDING, RUNNING, COMPLETED, FAILED), or nothing if slurmctld does not know it.
job_state() { scontrol show job -o "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | cut -d= -f2 || true; }

# Compiles the MPI hello world as the cluster user and runs it on 2 ranks with sbatch and mpirun. It polls the job
# state itself: `sbatch --wait` polls after 2 s, then 8 s more, so a job that is not done after 2 s costs 10 s.
self_check() {
  local work job_id state deadline
  work=$(mktemp -d /tmp/camel-pcluster-selfcheck.XXXXXX)
  cp "$SCRIPT_DIR/slurm/mpi_hello.c" "$work/"
  # shellcheck disable=SC2016 # $SLURM_NTASKS is expanded by the job
  printf '#!/bin/bash\nmpirun -np "$SLURM_NTASKS" ./mpi_hello\n' >"$work/job.sh"
  chown -R "$CLUSTER_USER:$CLUSTER_USER" "$work"
  chmod 0755 "$work"
  (cd "$work" && runuser -u "$CLUSTER_USER" -- mpicc -o mpi_hello mpi_hello.c) ||
    die "mpicc failed to compile the MPI self-check in $work"
  job_id=$(cd "$work" && runuser -u "$CLUSTER_USER" -- sbatch --parsable --job-name=camel-pcluster-selfcheck \
    --ntasks=2 --time=2 --chdir="$work" --output="$work/job.out" job.sh) ||
    die "sbatch refused the MPI self-check job (files in $work)"
  job_id=${job_id%%;*}
  deadline=$((SECONDS + SELF_CHECK_TIMEOUT_SECONDS))
  while state=$(job_state "$job_id") && [[ $state =~ ^(|PENDING|CONFIGURING|RUNNING|COMPLETING)$ ]]; do
    if ((SECONDS >= deadline)); then
      scancel "$job_id" 2>/dev/null || true
      tail_logs "$work/job.out" "$SLURM_LOG_DIR/slurmctld.log" "$SLURM_LOG_DIR/slurmd.log"
      die "MPI self-check job $job_id still ${state:-unknown} after ${SELF_CHECK_TIMEOUT_SECONDS}s; files in $work"
    fi
    sleep 0.3
  done
  if [[ $state != COMPLETED ]]; then
    tail_logs "$work/job.out" "$SLURM_LOG_DIR/slurmd.log"
    die "MPI self-check job $job_id ended $state ($(job_exit_code "$job_id")); files in $work"
  fi
  if ! grep -q 'hello from rank 0 of 2' "$work/job.out" || ! grep -q 'hello from rank 1 of 2' "$work/job.out"; then
    tail_logs "$work/job.out"
    die "MPI self-check job $job_id did not print both ranks; files in $work"
  fi
  log "self-check: MPI job $job_id ran 2 ranks as $CLUSTER_USER under sbatch and mpirun"
  rm -rf "$work"
}

job_exit_code() { scontrol show job -o "$1" 2>/dev/null | grep -o 'ExitCode=[^ ]*' || true; }

version_of() { "$@" 2>&1 | head -n 1 || true; }

# Prints the summary; fails if a daemon is not healthy.
summary() {
  local healthy=0 sshd_state state
  state=$(node_state || true)
  munge_ok || healthy=1
  slurmctld_ok || healthy=1
  live_pid "$SLURMD_PID" slurmd >/dev/null || healthy=1
  if live_pid "$SSHD_PID" sshd >/dev/null && ssh_ok; then sshd_state=up; else
    sshd_state=down
    healthy=1
  fi
  cat <<EOF
local-slurm: summary
  slurm      $(version_of sinfo --version)   node $(node_name): ${state:-unknown}   partitions: $(sinfo -h -o '%P' 2>/dev/null | paste -sd ' ' || true)
  slurmctld  pid $(live_pid "$SLURMCTLD_PID" slurmctld || echo none)   slurmd pid $(live_pid "$SLURMD_PID" slurmd || echo none)   munged pid $(live_pid "$MUNGE_PID" munged || echo none)
  open mpi   $(version_of mpirun --version)
  sshd       $sshd_state on $SSHD_ADDRESS:$SSHD_PORT (pid $(live_pid "$SSHD_PID" sshd || echo none), config $SSHD_CONFIG)
  ssh login  $CLUSTER_USER, keys $CLIENT_KEY (or $SSH_DIR/id_ecdsa), known_hosts $KNOWN_HOSTS
  logs       $SLURM_LOG_DIR/slurmctld.log $SLURM_LOG_DIR/slurmd.log /var/log/munge/munged.log $SSHD_LOG
EOF
  return "$healthy"
}

stop_all() {
  local pids
  mapfile -t pids < <(sshd_pids)
  stop_pids "${pids[@]}"
  rm -f "$SSHD_PID"
  mapfile -t pids < <(daemon_pids slurmd "$SLURMD_PID")
  stop_pids "${pids[@]}"
  rm -f "$SLURMD_PID"
  mapfile -t pids < <(daemon_pids slurmctld "$SLURMCTLD_PID")
  stop_pids "${pids[@]}"
  rm -f "$SLURMCTLD_PID"
  mapfile -t pids < <(daemon_pids munged "$MUNGE_PID")
  stop_pids "${pids[@]}"
  rm -f "$MUNGE_PID"
  log "stopped sshd (port $SSHD_PORT), slurmd, slurmctld and munged"
}

main() {
  local mode=${1:-}
  case $mode in
    "" | --status | --stop) ;;
    -h | --help)
      usage
      return 0
      ;;
    *)
      usage >&2
      return 2
      ;;
  esac
  ((EUID == 0)) || die "run as root (it installs packages and starts daemons)"
  if [[ $mode == --status ]]; then
    summary
    return
  fi
  exec 9>"$LOCK_FILE"
  flock -w 600 9 || die "another local-slurm.sh holds $LOCK_FILE for more than 600 s"
  case $mode in
    --stop)
      stop_all
      return
      ;;
  esac
  local started=$SECONDS
  install_packages
  ensure_user
  ensure_munge
  ensure_slurm
  ensure_sshd
  self_check
  summary || die "a daemon is not healthy after setup (see the summary above)"
  log "ready in $((SECONDS - started)) s"
}

main "$@"
