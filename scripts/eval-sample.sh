#!/usr/bin/env bash
# The sample gold set against the committed thresholds: a drop in retrieval, answers,
# citations or refusals exits non-zero. Usage: bash scripts/eval-sample.sh [INDEX_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
INDEX="${1:-.wenjin-sample}"
OUT="${2:-eval-out/sample}"
WENJIN="${WENJIN:-.venv/bin/wenjin}"
"$WENJIN" ingest samples/articles --index "$INDEX" --quiet > /dev/null
# citation_precision: the extractive answers quote their passages word for word, so a quote the claim
# checker does not support is a checker fault, not a weak answer
"$WENJIN" eval samples/gold.jsonl --index "$INDEX" --out "$OUT" --quiet \
  --min hit@1=0.95 --min hit@5=0.97 --min mrr@10=0.95 --min recall@10=0.95 \
  --min fact_recall=0.75 --min answer_correct=0.75 --min first_line=0.55 --min char_f1=0.3 \
  --max answer_chars_median=100 --min citation_precision=0.99 --min citation_correct=0.7 \
  --min refusal_recall=0.85 --max false_refusals=0.06
