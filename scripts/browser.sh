#!/usr/bin/env bash
# Installs, idempotently, the headless browser the console's end-to-end tests drive, on a Debian machine, as root:
# Debian's `chromium` (/usr/bin/chromium) and `chromium-driver` (/usr/bin/chromedriver). Runs `apt-get update` only
# when the package lists do not know the packages (or an install from the current lists fails), prints the
# versions, and exits 0 at once when both are already installed.
#
# On this kind of machine Chromium runs as root with a closed network, so the tests start it with
#   --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
#   --disable-component-update --disable-sync --user-data-dir=<fresh empty directory>
# (see io.camelpcluster.console.e2e.BrowserDriver).
set -euo pipefail

readonly PACKAGES=(chromium chromium-driver)
readonly BINARIES=(/usr/bin/chromium /usr/bin/chromedriver)
readonly APT_LOG=/var/log/camel-pcluster-browser-apt.log
readonly APT_TIMEOUT_SECONDS=900

log() { printf 'browser: %s\n' "$*"; }
die() {
  printf 'browser: ERROR: %s\n' "$*" >&2
  exit 1
}

usage() {
  cat <<EOF
Usage: $0 [--status | --help]
  (no option)  install chromium and chromium-driver if missing, then print their versions
  --status     print the versions; exit 1 if either is missing (changes nothing)
EOF
}

missing_packages() {
  local package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null | grep -q 'ok installed' || echo "$package"
  done
}

# True when the current package lists offer an installation candidate for every given package.
candidates_known() {
  local package candidate
  for package in "$@"; do
    candidate=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ {print $2}')
    [[ -n $candidate && $candidate != '(none)' ]] || return 1
  done
}

apt_get() {
  DEBIAN_FRONTEND=noninteractive timeout "$APT_TIMEOUT_SECONDS" apt-get -q -o DPkg::Lock::Timeout=300 "$@"
}

install_missing() {
  local missing
  mapfile -t missing < <(missing_packages)
  ((${#missing[@]})) || return 0
  log "installing ${missing[*]} (log: $APT_LOG)"
  : >"$APT_LOG"
  if ! candidates_known "${missing[@]}"; then
    apt_get update >>"$APT_LOG" 2>&1 || fail_apt "apt-get update"
  fi
  if ! apt_get -y --no-install-recommends install "${missing[@]}" >>"$APT_LOG" 2>&1; then
    # The lists may name versions the mirror no longer serves: refresh them once and try again.
    apt_get update >>"$APT_LOG" 2>&1 || fail_apt "apt-get update"
    apt_get -y --no-install-recommends install "${missing[@]}" >>"$APT_LOG" 2>&1 ||
      fail_apt "apt-get install ${missing[*]}"
  fi
  mapfile -t missing < <(missing_packages)
  ((${#missing[@]} == 0)) || die "still not installed after apt-get: ${missing[*]}"
}

fail_apt() {
  printf -- '--- last lines of %s ---\n' "$APT_LOG" >&2
  tail -n 25 "$APT_LOG" >&2
  die "$1 failed; full log: $APT_LOG"
}

print_versions() {
  local binary ok=0
  for binary in "${BINARIES[@]}"; do
    if [[ -x $binary ]]; then
      log "$("$binary" --version 2>/dev/null | head -n 1)"
    else
      printf 'browser: %s is missing\n' "$binary" >&2
      ok=1
    fi
  done
  return "$ok"
}

main() {
  case "${1:-}" in
    '') ;;
    --status)
      print_versions
      return
      ;;
    --help | -h)
      usage
      return
      ;;
    *)
      usage >&2
      return 2
      ;;
  esac
  ((EUID == 0)) || die "run as root (apt-get install)"
  install_missing
  print_versions
}

main "$@"
