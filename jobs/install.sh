#!/usr/bin/env bash
# Installs logistics-kpi on a server (docs/operations.md, "Installing on a server"). Run from a source checkout
# after building the jar (mvn -B -DskipTests package), as root:
#
#   sudo jobs/install.sh                      # /opt/logistics-kpi, user kpi, /etc/logistics-kpi/env, systemd units
#
# Options:
#   --root DIR       install below DIR instead of / (a scratch root: nothing outside DIR is touched; implies --no-user
#                    and --no-systemctl)
#   --prefix DIR     install location (default /opt/logistics-kpi)
#   --user NAME      service user (default kpi)
#   --jar FILE       the jar to install (default target/logistics-kpi.jar)
#   --no-user        do not create the service user, do not chown
#   --no-systemctl   copy the systemd units but do not run systemctl daemon-reload
#
# Idempotent: a second run replaces the jar, the launcher, the units and the docs, and keeps the data, the env file
# and job files you edited (a changed shipped job file is installed beside yours as <name>.yml.new).
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root=/ prefix=/opt/logistics-kpi user=kpi jar="$src/target/logistics-kpi.jar" make_user=1 run_systemctl=1

die() { echo "install.sh: $*" >&2; exit 1; }
log() { echo "install.sh: $*"; }

while (($#)); do
  case "$1" in
    --root) root="${2:?--root needs a directory}"; make_user=0; run_systemctl=0; shift 2 ;;
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --user) user="${2:?--user needs a name}"; shift 2 ;;
    --jar) jar="${2:?--jar needs a file}"; shift 2 ;;
    --no-user) make_user=0; shift ;;
    --no-systemctl) run_systemctl=0; shift ;;
    -h|--help) sed -n '2,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ "$prefix" == /* ]] || die "--prefix must be an absolute path, was $prefix"
[[ "$user" =~ ^[a-z_][a-z0-9_-]{0,31}$ ]] || die "--user '$user' is not a valid user name"
[[ -f "$jar" ]] || die "no jar at $jar: build it first with 'mvn -B -DskipTests package' (or pass --jar FILE)"
root="${root%/}"
home="$root$prefix"
etc="$root/etc/logistics-kpi"
units="$root/etc/systemd/system"

# 1. Java 17+ (the jar needs it; the launcher names the fix too)
if command -v java >/dev/null 2>&1; then
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
  if [[ -n "$v" && "$v" -lt 17 ]]; then
    log "WARNING: java is version $v; logistics-kpi needs 17 or later (sudo apt-get install openjdk-17-jre-headless)"
  fi
else
  log "WARNING: no java on PATH: install Java 17 or later (sudo apt-get install openjdk-17-jre-headless)"
fi

# 2. the service user (a system user without login shell, home = the install location)
if ((make_user)); then
  if id -u "$user" >/dev/null 2>&1; then
    log "user $user exists"
  else
    useradd --system --home-dir "$prefix" --no-create-home --shell /usr/sbin/nologin "$user"
    log "created system user $user"
  fi
fi

# 3. folders: install location, data (database, logs, locks, rejects, outputs, archive), inbox, secrets
install -d -m 755 "$home" "$home/lib" "$home/jobs" "$home/jobs/systemd" "$home/docs"
install -d -m 750 "$home/data" "$home/data/logs" "$home/data/locks" "$home/data/rejects" "$home/data/out" \
  "$home/data/archive" "$home/inbox"
install -d -m 750 "$etc"

# 4. the jar and the launcher (an installed launcher runs lib/logistics-kpi.jar and never builds)
install -m 644 "$jar" "$home/lib/logistics-kpi.jar"
install -m 755 "$src/kpi" "$home/kpi"

# 5. job files (yours are kept), crontab example, units, docs
for f in "$src"/jobs/*.yml; do
  name=$(basename "$f")
  if [[ -f "$home/jobs/$name" ]] && ! cmp -s "$f" "$home/jobs/$name"; then
    install -m 644 "$f" "$home/jobs/$name.new"
    log "kept your jobs/$name; the shipped one is jobs/$name.new"
  else
    install -m 644 "$f" "$home/jobs/$name"
  fi
done
install -m 644 "$src/jobs/crontab.example" "$src/jobs/README.md" "$home/jobs/"
install -m 644 "$src"/jobs/systemd/* "$home/jobs/systemd/"
cp -R "$src/docs/." "$home/docs/"
install -m 644 "$src/README.md" "$home/README.md"

# 6. the env file with the secrets (mode 0600, owned by the service user); never overwritten
if [[ ! -f "$etc/env" ]]; then
  install -m 600 /dev/null "$etc/env"
  cat > "$etc/env" <<'ENV'
# logistics-kpi secrets and settings (mode 0600). One VAR=value per line; read by the systemd units and by
# `set -a; . /etc/logistics-kpi/env` in a shell.
# KPI_DB_URL=jdbc:mysql://db-host:3306/kpi
# KPI_DB_USER=kpi
# KPI_DB_PASSWORD=
# KPI_SMTP_HOST=smtp.example.com
# KPI_SMTP_PORT=587
# KPI_SMTP_USER=
# KPI_SMTP_PASSWORD=
# KPI_MAIL_FROM=kpi-reports@example.com
# KPI_NIGHTLY_RECIPIENTS=ops-managers@example.com
# KPI_ALERT_MAIL=ops-alerts@example.com      # kpi-failure@.service mails failed runs here (needs mail(1))
ENV
  chmod 600 "$etc/env"
  log "created $etc/env (mode 600): add the passwords there"
else
  log "kept $etc/env"
fi

# 7. systemd units (enable the timers yourself: see the last lines)
install -d -m 755 "$units"
install -m 644 "$src"/jobs/systemd/*.service "$src"/jobs/systemd/*.timer "$units/"
if ((run_systemctl)) && command -v systemctl >/dev/null 2>&1; then
  systemctl daemon-reload
fi

# 8. ownership: the service user writes data/ and inbox/, reads the env file
if ((make_user)); then
  chown -R "$user:$user" "$home/data" "$home/inbox"
  chown "$user:$user" "$etc/env"
  chown "root:$user" "$etc"
fi

log "installed in $home (jar, launcher, jobs, docs, data/, inbox/)"
log "next: edit $etc/env and $home/jobs/*.yml, then"
log "  sudo systemctl enable --now kpi-nightly.timer kpi-weekly.timer kpi-monthly.timer"
log "  or: sudo crontab -u $user $home/jobs/crontab.example"
