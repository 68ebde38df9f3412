/**
 * The service: {@link dev.netdoctor.server.NetdoctorServer} serves the diagnosis as JSON
 * ({@code /api/system/network/diagnostics}, schema in docs/api.md), the Network Diagnostics page, the codes and
 * guides, Prometheus metrics and a blackbox_exporter-compatible {@code /probe}, configured by an immutable
 * {@link dev.netdoctor.server.ServerConfig}. Everything else is in {@code internal} and not part of the API.
 */
package dev.netdoctor.server;
