package io.camelpcluster.emulator.model;

/** CloudFormation resource statuses used in stack events. */
public enum ResourceStatus {
  CREATE_IN_PROGRESS,
  CREATE_FAILED,
  CREATE_COMPLETE,
  DELETE_IN_PROGRESS,
  DELETE_FAILED,
  DELETE_COMPLETE,
  DELETE_SKIPPED,
  UPDATE_IN_PROGRESS,
  UPDATE_FAILED,
  UPDATE_COMPLETE
}
