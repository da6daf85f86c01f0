package io.camelpcluster.emulator.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** EC2 instance states, spelled in lower case on the wire. */
public enum InstanceState {
  PENDING("pending"),
  RUNNING("running"),
  SHUTTING_DOWN("shutting-down"),
  TERMINATED("terminated"),
  STOPPING("stopping"),
  STOPPED("stopped");

  private final String wireName;

  InstanceState(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }
}
