#!/usr/bin/env bash
# Installs what MRI Workbench needs on Debian/Ubuntu, and says what it does. Safe to run again: it only installs
# what is missing. Without root (and without sudo) it prints the apt-get command instead of failing.
#
#   environment/install-deps.sh           what the workbench needs to run (a JDK 17+)
#   environment/install-deps.sh --test    plus the test oracle (Debian's python3-sklearn)
set -euo pipefail

want_test=false
for a in "$@"; do
  case "$a" in
    --test) want_test=true ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done

missing=()
if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | awk '{split($2,v,"."); exit !(v[1]>=17)}'; then
  missing+=(openjdk-17-jdk-headless)
fi
if $want_test; then
  # Debian's python3, not a pyenv/conda one earlier on PATH: the oracle tests call /usr/bin/python3.
  if ! /usr/bin/python3 -c 'import sklearn' >/dev/null 2>&1; then
    missing+=(python3-sklearn)
  fi
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "[deps] everything needed is installed"
  exit 0
fi

echo "[deps] installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  apt_get=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  apt_get=(sudo apt-get)
else
  echo "[deps] not root and no password-less sudo; please run:" >&2
  echo "       sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
echo "[deps] installed: ${missing[*]}"
