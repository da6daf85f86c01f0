#!/bin/bash
# A job of the camel-pcluster tests that fails: it says so on stderr and exits with 3.
echo "failing on purpose on $(hostname)" >&2
exit 3
