# The demo's job: compiles the MPI word count (wordcount.c, written next to this script) with mpicc and
# runs it on the tasks of the Slurm allocation. The pipeline downloads the input into the working directory
# before this runs (as ./input, or ./input.<extension of the key>) and uploads result.txt after it.
set -euo pipefail
input=
for candidate in input input.*; do
  if [ -f "$candidate" ]; then
    input=$candidate
    break
  fi
done
if [ -z "$input" ]; then
  echo "wordcount: no input file in $(pwd)" >&2
  exit 1
fi
mpicc -O2 -o wordcount wordcount.c
echo "wordcount: $(wc -c < "$input") bytes, ${SLURM_NTASKS:-2} ranks on $(hostname -s)"
mpirun -np "${SLURM_NTASKS:-2}" ./wordcount "$input" result.txt
cat result.txt
