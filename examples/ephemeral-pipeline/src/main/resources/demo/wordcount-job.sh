# The demo's job: compiles the MPI word count (wordcount.c, written next to this script) with mpicc and
# runs it on the tasks of the Slurm allocation. The pipeline downloads the input into the working directory
# before this runs (its name in $PIPELINE_INPUT) and uploads result.txt after it.
set -euo pipefail
mpicc -O2 -o wordcount wordcount.c
echo "wordcount: $(wc -c < "$PIPELINE_INPUT") bytes, ${SLURM_NTASKS:-2} ranks on $(hostname -s)"
mpirun -np "${SLURM_NTASKS:-2}" ./wordcount "$PIPELINE_INPUT" result.txt
cat result.txt
