package io.camelpcluster.pcluster.template;

import java.util.Objects;

/**
 * The text of a cluster template and the name it is known by in messages (a location such as {@code
 * classpath:templates/slurm.yaml}, or a description such as {@code inline template}).
 */
public record TemplateSource(String name, String text) {

  public TemplateSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
  }
}
