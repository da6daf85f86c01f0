/*
 * wordcount: a parallel word count with MPI, the demo's job.
 *
 *   mpirun -np N ./wordcount INPUT OUTPUT
 *
 * Each rank reads its own byte range of INPUT (the file is split into N nearly equal parts) and counts the
 * words that start in its range (a word is a maximal run of bytes that are not ASCII whitespace), the lines
 * (newline bytes) and the bytes; MPI_Reduce sums the counts and finds the longest word; rank 0 writes OUTPUT.
 * Exit codes: 0 done, 2 bad arguments, 3 cannot read INPUT, 4 cannot write OUTPUT.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#define CHUNK (1 << 20)

static int is_space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Counts of one byte range: [0] words, [1] lines, [2] bytes; longest is the longest word starting in it. */
static int count_range(const char *path, long long start, long long end, long long counts[3],
                       long long *longest) {
  FILE *in = fopen(path, "rb");
  if (in == NULL) {
    return -1;
  }
  int previous_space = 1;
  if (start > 0) {
    if (fseeko(in, (off_t)(start - 1), SEEK_SET) != 0) {
      fclose(in);
      return -1;
    }
    previous_space = is_space(fgetc(in));
  }
  /* A word that starts in this range may end beyond it: keep reading until it ends. */
  char *buffer = malloc(CHUNK);
  if (buffer == NULL) {
    fclose(in);
    return -1;
  }
  long long position = start;
  long long current = 0;
  int in_own_word = 0;
  size_t n;
  while ((n = fread(buffer, 1, CHUNK, in)) > 0) {
    for (size_t i = 0; i < n; i++, position++) {
      int space = is_space((unsigned char)buffer[i]);
      if (position >= end && (space || !in_own_word)) {
        goto done;
      }
      if (position < end) {
        counts[2]++;
        if (buffer[i] == '\n') {
          counts[1]++;
        }
        if (!space && previous_space) {
          counts[0]++;
          in_own_word = 1;
          current = 0;
        }
      }
      if (space) {
        in_own_word = 0;
      } else if (in_own_word && ++current > *longest) {
        *longest = current;
      }
      previous_space = space;
    }
  }
done:
  free(buffer);
  int failed = ferror(in);
  fclose(in);
  return failed ? -1 : 0;
}

int main(int argc, char **argv) {
  int rank = 0;
  int size = 1;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (argc != 3) {
    if (rank == 0) {
      fprintf(stderr, "usage: mpirun -np N %s INPUT OUTPUT\n", argv[0]);
    }
    MPI_Finalize();
    return 2;
  }

  long long total = -1;
  if (rank == 0) {
    FILE *in = fopen(argv[1], "rb");
    if (in != NULL && fseeko(in, 0, SEEK_END) == 0) {
      total = (long long)ftello(in);
    }
    if (in != NULL) {
      fclose(in);
    }
  }
  MPI_Bcast(&total, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);
  if (total < 0) {
    if (rank == 0) {
      fprintf(stderr, "wordcount: cannot read %s\n", argv[1]);
    }
    MPI_Finalize();
    return 3;
  }

  long long start = total * rank / size;
  long long end = total * (rank + 1) / size;
  long long counts[3] = {0, 0, 0};
  long long longest = 0;
  int failed = count_range(argv[1], start, end, counts, &longest) != 0;
  printf("rank %d of %d: bytes [%lld, %lld): %lld words, %lld lines\n", rank, size, start, end,
         counts[0], counts[1]);
  fflush(stdout);

  long long sums[3] = {0, 0, 0};
  long long max_longest = 0;
  int any_failed = 0;
  long long *words_per_rank = rank == 0 ? calloc((size_t)size, sizeof(long long)) : NULL;
  MPI_Reduce(counts, sums, 3, MPI_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
  MPI_Reduce(&longest, &max_longest, 1, MPI_LONG_LONG, MPI_MAX, 0, MPI_COMM_WORLD);
  MPI_Reduce(&failed, &any_failed, 1, MPI_INT, MPI_LOR, 0, MPI_COMM_WORLD);
  MPI_Gather(&counts[0], 1, MPI_LONG_LONG, words_per_rank, 1, MPI_LONG_LONG, 0, MPI_COMM_WORLD);

  int status = 0;
  if (rank == 0) {
    if (any_failed) {
      fprintf(stderr, "wordcount: a rank could not read %s\n", argv[1]);
      status = 3;
    } else {
      FILE *out = fopen(argv[2], "w");
      if (out == NULL) {
        fprintf(stderr, "wordcount: cannot write %s\n", argv[2]);
        status = 4;
      } else {
        fprintf(out, "words: %lld\nlines: %lld\nbytes: %lld\nlongest word: %lld bytes\nranks: %d\n",
                sums[0], sums[1], sums[2], max_longest, size);
        for (int r = 0; r < size; r++) {
          fprintf(out, "rank %d: %lld words\n", r, words_per_rank[r]);
        }
        if (fclose(out) != 0) {
          fprintf(stderr, "wordcount: cannot write %s\n", argv[2]);
          status = 4;
        }
      }
    }
    free(words_per_rank);
  }
  MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Finalize();
  return status;
}
