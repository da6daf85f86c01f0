#!/usr/bin/env bash
# Installs a JDK (17 or newer) and Maven on a Debian/Ubuntu machine when they are missing (idempotent; as root).
set -euo pipefail

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

need=()
if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ] 2>/dev/null; then
  need+=(jdk)
fi
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ ${#need[@]} -eq 0 ]; then
  echo "prereqs: java $(java_major) and $(mvn -v 2>/dev/null | head -1 | sed "s/\x1b\[[0-9;]*m//g" | cut -d" " -f1-3) present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "prereqs: missing ${need[*]}; run as root (or install a JDK >= 17 and Maven yourself)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
packages=(maven)
if apt-cache show openjdk-17-jdk-headless >/dev/null 2>&1; then
  packages+=(openjdk-17-jdk-headless)
else
  packages+=(default-jdk-headless)
fi
echo "prereqs: installing ${packages[*]}"
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
echo "prereqs: java $(java_major), $(mvn -v | head -1 | sed "s/\x1b\[[0-9;]*m//g" | cut -d" " -f1-3)"
