/**
 * The service's operations endpoint: Prometheus metrics (the component's meters and the JVM's) and Camel's liveness
 * and readiness checks over HTTP, on Jetty 12 (already on the service's classpath through the embedded emulator).
 */
package io.github.camelgc.app.ops;
