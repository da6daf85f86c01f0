#!/bin/bash
echo "reading the input"
echo "the input is not what this job wants" >&2
exit 3
