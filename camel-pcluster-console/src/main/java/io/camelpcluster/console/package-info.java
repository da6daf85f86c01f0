/**
 * A web console (REST API + single-page UI on platform-http) for clusters, jobs and pipeline runs.
 */
package io.camelpcluster.console;
