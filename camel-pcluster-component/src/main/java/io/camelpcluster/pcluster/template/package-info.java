/**
 * Cluster configuration templates customised per run, without Camel: {@link
 * io.camelpcluster.pcluster.template.ClusterTemplate} (loaded by {@link
 * io.camelpcluster.pcluster.template.TemplateLoader}), turned into the YAML of one run by {@link
 * io.camelpcluster.pcluster.template.ClusterConfigBuilder} with {@code ${...}} placeholders, {@link
 * io.camelpcluster.pcluster.template.ConfigOverride overrides} at {@link
 * io.camelpcluster.pcluster.template.ConfigPath paths}, and {@link
 * io.camelpcluster.pcluster.template.ClusterTags cluster tags}. All YAML goes through {@link
 * io.camelpcluster.pcluster.api.SafeYaml}.
 */
package io.camelpcluster.pcluster.template;
