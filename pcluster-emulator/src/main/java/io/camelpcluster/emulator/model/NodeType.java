package io.camelpcluster.emulator.model;

/** The role of a cluster instance. */
public enum NodeType {
  HeadNode,
  ComputeNode,
  LoginNode
}
