#!/bin/bash
# Counts the words of the input (no MPI): for tests that exercise the pipeline, not Slurm.
wc -w < "$PIPELINE_INPUT" | tr -d ' ' > result.txt
echo "counted $(cat result.txt) words"
