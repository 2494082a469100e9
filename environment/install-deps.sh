#!/usr/bin/env bash
# Installs what MRI Workbench needs on Debian/Ubuntu, and says what it does. Safe to run again: it only installs
# what is missing. Without root (and without sudo) it prints the apt-get command instead of failing.
#
#   environment/install-deps.sh             what the workbench needs to run (a JDK 17+)
#   environment/install-deps.sh --jupyter   plus Jupyter, to run the notebooks on the workbench's Java kernel
#   environment/install-deps.sh --test      plus the test oracles: Debian's python3-sklearn, Jupyter with its
#                                           kernel conformance suite (--test implies --jupyter), and Chromium with
#                                           its chromedriver, for the browser test of the notebook UI, and
#                                           python3-torch, which the training benchmark and its test compare against
#   environment/install-deps.sh --bench     python3-torch only, for `environment/workbench bench train`
#
# Python packages come from Debian, for Debian's /usr/bin/python3 and /usr/bin/jupyter: a pyenv or conda python3
# earlier on PATH does not see them, which is why the tests and scripts call /usr/bin/python3 by its full path.
# pip or conda users: see environment/requirements.txt and environment/environment.yml instead.
set -euo pipefail

want_test=false
want_jupyter=false
want_torch=false
for a in "$@"; do
  case "$a" in
    --test) want_test=true; want_jupyter=true; want_torch=true ;;
    --bench) want_torch=true ;;
    --jupyter) want_jupyter=true ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done

# Debian package to install when the check (run by /usr/bin/python3 or as a command) fails.
missing=()
need() { # need PACKAGE CHECK-COMMAND...
  local pkg="$1"; shift
  if ! "$@" >/dev/null 2>&1; then
    missing+=("$pkg")
  fi
}
py() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "$1"; }

if ! command -v javac >/dev/null 2>&1 || ! javac -version 2>&1 | awk '{split($2,v,"."); exit !(v[1]>=17)}'; then
  missing+=(openjdk-17-jdk-headless)
fi
if $want_test; then
  need python3-sklearn py 'import sklearn'
fi
if $want_torch; then
  need python3-torch py 'import torch'
fi
if $want_jupyter; then
  need jupyter-notebook test -x /usr/bin/jupyter-notebook
  need jupyter-nbconvert test -x /usr/bin/jupyter-nbconvert
  need jupyter-client py 'import jupyter_client'
  need python3-nbclient py 'import nbclient'
  # The JDK's sources: the kernel's Shift-Tab (inspect_request) shows the JDK's Javadoc from lib/src.zip.
  need openjdk-17-source test -r /usr/lib/jvm/openjdk-17/src.zip
fi
if $want_test; then
  need python3-jupyter-kernel-test py 'import jupyter_kernel_test'
  need chromium test -x /usr/bin/chromium
  need chromium-driver test -x /usr/bin/chromedriver
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
  echo "       sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${apt_get[@]}" update -qq
"${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
echo "[deps] installed: ${missing[*]}"
