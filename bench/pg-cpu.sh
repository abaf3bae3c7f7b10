# Sourced by statements.sh and sql-floor.sh (needs $work/pg, the cluster's data directory).
# PostgreSQL's CPU during one phase, split by process kind and into user and system time, and with
# PERF=1 a flat perf profile of the machine over the phase (PostgreSQL's binary is stripped: a
# static function shows as an address).

# kind|user ticks|system ticks, one line per postgres process; a child the postmaster has reaped
# counts under "exited" (its ticks move there when it ends, so only the total is exact then)
pg_cpu_snapshot() {
  local pm; pm=$(head -1 $work/pg/postmaster.pid)
  awk '{print "postmaster|" $14 "|" $15; print "exited|" $16 "|" $17}' /proc/$pm/stat
  local p kind
  for p in $(pgrep -P $pm); do
    kind=$(tr '\0' ' ' </proc/$p/cmdline 2>/dev/null | sed -E 's/^postgres: //; s/ +$//') || continue
    case $kind in
      *'('[0-9]*')'*|*'[local]'*) kind='client backends' ;;
      'autovacuum worker'*) kind='autovacuum workers' ;;
    esac
    awk -v k="$kind" '{print k "|" $14 "|" $15}' /proc/$p/stat 2>/dev/null || true
  done
}

# before-file after-file operations: ms of CPU per operation by kind (user + system), most first
pg_cpu_report() {
  local hz; hz=$(getconf CLK_TCK)
  awk -F'|' -v ops=$3 -v hz=$hz '
    FNR == NR { u[$1] -= $2; s[$1] -= $3; next }
    { u[$1] += $2; s[$1] += $3 }
    END {
      for (k in u) { t = u[k] + s[k]; if (t != 0) printf "%8.3f ms  (user %.3f, system %.3f)  %s\n", t * 1000 / hz / ops, u[k] * 1000 / hz / ops, s[k] * 1000 / hz / ops, k; tu += u[k]; ts += s[k] }
      printf "%8.3f ms  (user %.3f, system %.3f)  all of PostgreSQL, per operation\n", (tu + ts) * 1000 / hz / ops, tu * 1000 / hz / ops, ts * 1000 / hz / ops
    }' "$1" "$2" | sort -rn
  echo "client backends: $(grep -c '^client backends|' "$1") before, $(grep -c '^client backends|' "$2") after"
}

# before-file after-file: the clock ticks every postgres process used in between
pg_cpu_ticks() {
  awk -F'|' 'FNR == NR { t -= $2 + $3; next } { t += $2 + $3 } END { print t }' "$1" "$2"
}

# PERF=1: perf samples every CPU at 997 Hz between pg_perf_start NAME and pg_perf_stop NAME
pg_perf_start() {
  [ -n "${PERF:-}" ] || return 0
  perf record -q -e cpu-clock -F 997 -a -o $work/$1.perf >/dev/null 2>&1 &
  perf_pid=$!; sleep 0.5
}
pg_perf_stop() {
  [ -n "${PERF:-}" ] || return 0
  kill -TERM $perf_pid; wait $perf_pid || true
  echo "=== perf, $1: samples by command (every process on the machine)"
  perf report -i $work/$1.perf --stdio --no-children --sort comm --percent-limit 1 2>/dev/null | grep -v '^#' | grep -v '^$' || true
  echo "=== perf, $1: the postgres processes' samples by binary (share of their samples; [kernel.kallsyms]: system calls, scheduling, network)"
  perf report -i $work/$1.perf --stdio --no-children --percentage relative --comm postgres --sort dso --percent-limit 0.5 2>/dev/null | grep -v '^#' | grep -v '^$' || true
  echo "=== perf, $1: the postgres processes' samples by function (share of their samples, top 30; an address: a static function)"
  perf report -i $work/$1.perf --stdio --no-children --percentage relative --comm postgres --sort dso,sym 2>/dev/null \
    | grep -v '^#' | grep -v '^$' | head -30 || true # head ends the pipe early: pipefail
}
