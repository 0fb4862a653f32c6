#!/usr/bin/env bash
# Runs ../shared/conformance/run-conformance against the iam-sim binary given as $1.
# Passes only when every case passes; exits 77 (ctest: skipped) without ../shared.
set -u
sim=$1
root=$(cd "$(dirname "$0")/.." && pwd)
runner="$root/../shared/conformance/run-conformance"
if [ ! -x "$runner" ] && [ ! -f "$runner" ]; then
    echo "conformance: skipped (../shared/conformance not found)"
    exit 77
fi
output=$(python3 "$runner" --cmd "$sim simulate-custom-policy --cli-input-json" "$root/../shared/conformance")
status=$?
echo "$output"
[ $status -eq 0 ] || exit 1
last=$(printf '%s\n' "$output" | tail -n 1)
passed=$(printf '%s' "$last" | sed -n 's/^conformance: \([0-9]*\)\/\([0-9]*\) passed$/\1/p')
total=$(printf '%s' "$last" | sed -n 's/^conformance: \([0-9]*\)\/\([0-9]*\) passed$/\2/p')
[ -n "$passed" ] && [ "$passed" = "$total" ]
