#!/bin/sh
# Runs a libFuzzer target for the test suite (see CMakeLists.txt here):
#
#   fuzz.sh fuzz PROGRAM SECONDS CORPUS REGRESSIONS WORK [OPTION...]
#     fuzzes for SECONDS from a copy of the seed corpus CORPUS made in WORK
#     (new inputs stay there, the tree is not edited). An input that
#     crashes, leaks, runs out of memory, exceeds the per-input time limit
#     (-timeout) or is slow (-report_slow_units) is written to REGRESSIONS
#     (-artifact_prefix) and fails the run: fix the fault, add a unit test
#     and commit the file; from then on the replay below runs it.
#   fuzz.sh replay PROGRAM REGRESSIONS SLOW [OPTION...]
#     runs every file of REGRESSIONS once; one that fails, exceeds the time
#     limit or takes SLOW seconds or more fails the test.
#
# The OPTIONs go to the fuzzer: the limits (-timeout, -max_len,
# -rss_limit_mb, -report_slow_units), the same in both modes.
set -eu
mode=$1
program=$2
shift 2

case $mode in
fuzz)
    seconds=$1 corpus=$2 regressions=$3 work=$4
    shift 4
    rm -rf "$work"
    mkdir -p "$work" "$regressions"
    cp "$corpus"/* "$work"/
    stamp=$work.stamp
    : >"$stamp"
    status=0
    "$program" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$regressions/" "$@" "$work" || status=$?
    found=$(find "$regressions" -type f -newer "$stamp")
    if [ -n "$found" ]; then
        echo "fuzz.sh: inputs kept as regressions (crash, leak, oom, timeout or slow):"
        echo "$found" | sed 's/^/  /'
        echo "fuzz.sh: replay one with: $program $* FILE"
        [ "$status" -ne 0 ] || status=1
    fi
    exit "$status"
    ;;
replay)
    regressions=$1 slow=$2
    shift 2
    count=0
    for file in "$regressions"/*; do
        [ -f "$file" ] || continue
        set -- "$@" "$file"
        count=$((count + 1))
    done
    if [ "$count" -eq 0 ]; then
        echo "fuzz.sh: no regression inputs in $regressions"
        exit 0
    fi
    log=$(mktemp)
    status=0
    "$program" "$@" >"$log" 2>&1 || status=$?
    cat "$log"
    # libFuzzer prints "Executed FILE in N ms" for each file it ran.
    if ! awk -v limit="$slow" '/^Executed .* in [0-9]+ ms$/ && $(NF-1) >= limit * 1000 {
            print "fuzz.sh: slow: " $2 " took " $(NF-1) " ms"; bad = 1 }
            END { exit bad }' "$log"; then
        [ "$status" -ne 0 ] || status=1
    fi
    rm -f "$log"
    exit "$status"
    ;;
*)
    echo "usage: fuzz.sh fuzz|replay ..." >&2
    exit 2
    ;;
esac
