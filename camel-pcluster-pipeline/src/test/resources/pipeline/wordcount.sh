#!/bin/bash
# Counts the words of the input on 2 MPI ranks, each counting its share of the bytes.
set -euo pipefail
cat > wc_mpi.c <<'C'
#include <ctype.h>
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv) {
  int rank, size;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  FILE *in = fopen(argv[1], "rb");
  if (in == NULL) {
    perror(argv[1]);
    MPI_Abort(MPI_COMM_WORLD, 2);
  }
  fseek(in, 0, SEEK_END);
  long n = ftell(in);
  long begin = n * rank / size, end = n * (rank + 1) / size;
  int previous = ' ';
  if (begin > 0) {
    fseek(in, begin - 1, SEEK_SET);
    previous = fgetc(in);
  } else {
    fseek(in, 0, SEEK_SET);
  }
  long words = 0;
  for (long i = begin; i < end; i++) {
    int c = fgetc(in);
    if (!isspace(c) && isspace(previous)) {
      words++;
    }
    previous = c;
  }
  fclose(in);
  long total = 0;
  MPI_Reduce(&words, &total, 1, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
  if (rank == 0) {
    FILE *out = fopen("result.txt", "w");
    fprintf(out, "%ld\n", total);
    fclose(out);
    printf("ranks=%d words=%ld\n", size, total);
  }
  MPI_Finalize();
  return 0;
}
C
mpicc -O2 -o wc_mpi wc_mpi.c
mpirun -np "$SLURM_NTASKS" ./wc_mpi "$PIPELINE_INPUT"
