package io.camelpcluster.pcluster.slurm;

/** How the job's program is started inside its allocation. */
public enum Launcher {
  /** Run the program once, as is, on the first node of the allocation. */
  NONE,
  /** Start one copy per task with {@code srun}. */
  SRUN,
  /** Start the MPI program with {@code mpirun -np $SLURM_NTASKS}. */
  MPIRUN
}
