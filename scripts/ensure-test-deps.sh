#!/usr/bin/env bash
# First step of `npm test`: makes sure the programs the Docker-backed tests run are on this
# machine, so a fresh Debian machine needs only the README's test command.
#   dockerd, docker   docker.io        the private test engine (test/support/dockerd.ts); the docker CLI
#                                      is the reference some e2e tests compare dtui with
#   /bin/busybox      busybox-static   the rootfs of the dtui-test/busybox image (test-image.ts)
#   docker-registry   docker-registry  the private registries of the registry tests
#   htpasswd          apache2-utils    basic auth for one of those registries
#   openssl           openssl          the TLS engine's certificates (tls-certs.ts)
#   sshd, ssh-keygen  openssh-server   the sshd in front of the engine for ssh:// tests (sshd.ts);
#                                      its openssh-client dependency brings ssh-keygen/ssh-keyscan
#   docker-compose    docker-compose   the Compose 1.29 that makes the projects of the Projects tests
#   podman            podman           the second test engine, Podman's Docker-compatible socket
#                                      (test/support/podman.ts)
# Add a line to NEEDS when a test starts to run another program.
# Already installed (the usual case): only shell built-ins run, no apt, no dpkg (~5 ms).
# Missing and root: apt-get installs them (update first, non-interactive). Missing and not
# root: one message with the exact command, exit 1.
set -euo pipefail
# dockerd lives in /usr/sbin, which a non-root PATH often lacks.
PATH="$PATH:/usr/sbin:/sbin"

# "program-or-path package" pairs.
NEEDS=(
  "dockerd docker.io"
  "docker docker.io"
  "/bin/busybox busybox-static"
  "/usr/bin/docker-registry docker-registry"
  "htpasswd apache2-utils"
  "openssl openssl"
  "/usr/sbin/sshd openssh-server"
  "ssh-keyscan openssh-server"
  "/usr/bin/docker-compose docker-compose"
  "podman podman"
)

missing=()
for need in "${NEEDS[@]}"; do
  probe="${need% *}" pkg="${need#* }"
  if [[ "$probe" == /* ]]; then [[ -x "$probe" ]] && continue
  else command -v "$probe" >/dev/null 2>&1 && continue
  fi
  [[ " ${missing[*]-} " == *" $pkg "* ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ "$EUID" -ne 0 ]]; then
  echo "npm test needs the Debian packages ${missing[*]}; install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "npm test needs these Debian packages (or their equivalents): ${missing[*]}" >&2
  exit 1
fi
echo "npm test: installing ${missing[*]} (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
# docker.io recommends needrestart, whose apt hook could otherwise stop to ask questions.
export NEEDRESTART_SUSPEND=1
apt-get update -qq </dev/null
# With recommends, as on the machines where the private dockerd setup was verified.
apt-get install -y -qq -o Dpkg::Use-Pty=0 "${missing[@]}" </dev/null
