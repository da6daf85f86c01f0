#!/bin/bash
echo "working for a long time"
sleep 120
