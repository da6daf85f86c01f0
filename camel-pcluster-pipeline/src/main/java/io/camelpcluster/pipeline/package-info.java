/**
 * The ephemeral-cluster pipeline: route templates (routes/), their Java builder and the beans they
 * call.
 */
package io.camelpcluster.pipeline;
