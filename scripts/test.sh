#!/usr/bin/env bash
# Runs every test of the project (unit and integration, real Slurm included) on a Debian/Ubuntu machine, as root.
# Installs and starts what the tests need first (idempotent), then runs the Maven build with all tests.
set -euo pipefail
cd "$(dirname "$0")/.."

# Java 17 takes its default charset and file-name encoding from the locale; tests use unicode names and keys.
export LANG=C.UTF-8 LC_ALL=C.UTF-8

bash scripts/prereqs.sh
bash scripts/local-slurm.sh
bash scripts/browser.sh

mvn -B -ntp verify "$@"
