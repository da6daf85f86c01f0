/* Minimal MPI program used by scripts/local-slurm.sh to check that MPI jobs run under Slurm. */
#include <mpi.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int rank = 0;
  int size = 0;
  char host[256] = "";
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  gethostname(host, sizeof host - 1);
  printf("hello from rank %d of %d on %s\n", rank, size, host);
  MPI_Finalize();
  return 0;
}
