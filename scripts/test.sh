#!/usr/bin/env bash
# Runs every test of the project (unit and integration, real Slurm included) on a Debian/Ubuntu machine, as root.
# Installs and starts what the tests need first (idempotent), then runs the Maven build with all tests.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/local-slurm.sh

mvn -B -ntp verify "$@"
