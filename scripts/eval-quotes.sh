#!/usr/bin/env bash
# Scores quote, speaker and stance extraction with the shared scorer (../shared/eval), when ../shared is present.
#   scripts/eval-quotes.sh [GOLD_DIR] [--verbose] [--require k=v,...]
# GOLD_DIR defaults to the dev seeds (../shared/corpus/seeds); test/fixtures/gold and test/fixtures/holdout are
# the project's own sets (see their READMEs). Extra arguments go to the scorer.
set -euo pipefail
cd "$(dirname "$0")/.."
gold=../shared/corpus/seeds
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then gold=$1; shift; fi
if [ ! -x ../shared/eval/run-quote-eval.sh ] || [ ! -d "$gold" ]; then
  echo "eval:quotes skipped: ../shared/eval or $gold not found"
  exit 0
fi
echo "eval:quotes on $gold"
exec ../shared/eval/run-quote-eval.sh "$gold" "$@"
