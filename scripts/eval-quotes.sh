#!/usr/bin/env bash
# Scores quote extraction on the dev seeds when ../shared is present; extra args go to the scorer (--verbose, --require k=v,...).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d ../shared/corpus/seeds ]; then
  echo "eval:quotes skipped: ../shared/corpus/seeds not found"
  exit 0
fi
exec ../shared/eval/run-quote-eval.sh ../shared/corpus/seeds "$@"
