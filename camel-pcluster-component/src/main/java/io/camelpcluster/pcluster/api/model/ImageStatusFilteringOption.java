package io.camelpcluster.pcluster.api.model;

/** Image status accepted by the ListImages filter. */
public enum ImageStatusFilteringOption {
  AVAILABLE,
  PENDING,
  FAILED;
}
