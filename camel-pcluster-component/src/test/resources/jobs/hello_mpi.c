/* MPI check program for the camel-pcluster job tests: every rank says hello, and the ranks add up
   their numbers with MPI_Allreduce, which only works if they really talk to each other. */
#include <mpi.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv) {
  int rank, size, sum = 0;
  char host[256] = "";
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  gethostname(host, sizeof host - 1);
  MPI_Allreduce(&rank, &sum, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  printf("hello from rank %d of %d on %s, sum of ranks %d\n", rank, size, host, sum);
  MPI_Finalize();
  return 0;
}
