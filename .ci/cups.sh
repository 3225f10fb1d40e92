#!/usr/bin/env bash
# Install and configure CUPS with a cups-pdf queue named "PDF" for the printing tests.
# Idempotent: safe to run again on a machine where it already ran. Needs root (CI runs as root).
set -euo pipefail

QUEUE="${FRONTDESK_TEST_QUEUE:-PDF}"
PPD=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
export DEBIAN_FRONTEND=noninteractive

need_install=0
for pkg in cups cups-client printer-driver-cups-pdf; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need_install=1
done
if [ "$need_install" = 1 ]; then
    apt-get update -qq
    # policy-rc.d may forbid starting services in containers; we start cupsd ourselves below.
    apt-get install -y -qq cups cups-client printer-driver-cups-pdf >/dev/null
fi

# Jobs submitted by root (CI, containers) must land in a known place: cups-pdf puts jobs whose user
# has no usable home in AnonDirName; write everything there so the tests can find it.
CONF=/etc/cups/cups-pdf.conf
if [ -f "$CONF" ]; then
    sed -i -E 's|^#?[[:space:]]*Out[[:space:]].*|Out /var/spool/cups-pdf/${USER}|' "$CONF"
    sed -i -E 's|^#?[[:space:]]*AnonDirName[[:space:]].*|AnonDirName /var/spool/cups-pdf/ANONYMOUS|' "$CONF"
    mkdir -p /var/spool/cups-pdf/ANONYMOUS
    chmod 1777 /var/spool/cups-pdf/ANONYMOUS
fi

# Start the scheduler: the init script when it works, else cupsd directly (it daemonises itself).
if ! lpstat -r 2>/dev/null | grep -q "is running"; then
    service cups start >/dev/null 2>&1 || true
    for _ in $(seq 1 20); do
        lpstat -r 2>/dev/null | grep -q "is running" && break
        sleep 0.5
    done
    if ! lpstat -r 2>/dev/null | grep -q "is running"; then
        /usr/sbin/cupsd
    fi
fi
for _ in $(seq 1 60); do
    lpstat -r 2>/dev/null | grep -q "is running" && break
    sleep 0.5
done
lpstat -r | grep -q "is running" || { echo "cupsd did not start" >&2; exit 1; }

# The queue: create it once, then make sure it is enabled and accepting jobs.
if ! lpstat -p "$QUEUE" >/dev/null 2>&1; then
    lpadmin -p "$QUEUE" -E -v cups-pdf:/ -P "$PPD"
fi
cupsenable "$QUEUE"
cupsaccept "$QUEUE"

for _ in $(seq 1 60); do
    lpstat -p "$QUEUE" >/dev/null 2>&1 && break
    sleep 0.5
done
lpstat -p "$QUEUE"
lpstat -a "$QUEUE"
echo "cups: queue $QUEUE ready (output: $(grep -E '^Out ' "$CONF" 2>/dev/null | cut -d' ' -f2-))"
