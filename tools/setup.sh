#!/usr/bin/env bash
# Idempotent machine setup for CityHealth on Debian/Ubuntu: the system packages QGIS needs,
# then a --system-site-packages venv (.venv) with the pinned pip packages.
# Usage: tools/setup.sh [--with-postgis]
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(qgis python3-qgis python3-venv fonts-noto-cjk fonts-wqy-microhei xvfb xauth
              pyqt5-dev-tools qttools5-dev-tools poppler-utils zip)
if [[ "${1:-}" == "--with-postgis" ]]; then
  APT_PACKAGES+=(postgresql postgis postgresql-15-postgis-3)
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "[setup] installing system packages: ${missing[*]}"
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "[setup] system packages present"
fi

if ! /usr/bin/python3 -c "import qgis.core" 2>/dev/null; then
  echo "[setup] ERROR: /usr/bin/python3 cannot import qgis.core after installing python3-qgis" >&2
  exit 1
fi

stamp=.venv/.requirements.stamp
if [[ ! -x .venv/bin/python ]]; then
  echo "[setup] creating .venv (with system site packages, for QGIS's Python bindings)"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
if [[ ! -f $stamp ]] || ! cmp -s <(cat requirements.txt requirements-dev.txt) "$stamp"; then
  echo "[setup] installing pinned Python packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  cat requirements.txt requirements-dev.txt > "$stamp"
else
  echo "[setup] Python packages up to date"
fi
