#!/usr/bin/env bash
# Install the Debian packages the tests and the benchmark need, once (apt needs root or sudo):
# Chromium for the browser tests, a Java runtime for the Nu HTML Checker (npm's vnu-jar), and the
# web servers whose recipes deploy/ ships (tests/deploy/ runs each one on the built site).
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# The servers are looked up by path: /usr/sbin is not on every user's PATH.
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
[ -x /usr/sbin/apache2 ] || missing+=(apache2)
command -v caddy >/dev/null 2>&1 || missing+=(caddy)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
echo "Installing Debian packages for the tests: ${missing[*]}..."
$SUDO apt-get update -qq
# policy-rc.d refuses service starts: the packages' own nginx, apache2 and caddy services stay
# stopped (the tests start their own servers on free ports, as this user).
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null && $SUDO chmod +x "$POLICY"
  trap '$SUDO rm -f "$POLICY"' EXIT
fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
