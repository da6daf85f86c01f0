# The demo's job: compiles the MPI word count (wordcount.c, written next to this script) with mpicc and
# runs it on the tasks of the Slurm allocation; the pipeline puts the input in the working directory
# before this runs and uploads result.txt after it.
set -euo pipefail
mpicc -O2 -o wordcount wordcount.c
echo "wordcount: ${SLURM_NTASKS:-2} ranks on $(hostname -s), input $(wc -c < "$INPUT_FILE") bytes"
mpirun -np "${SLURM_NTASKS:-2}" ./wordcount "$INPUT_FILE" result.txt
cat result.txt
