/**
 * The service's implementation: the shared diagnosis ({@code DiagnosisCache}), the answers it is written into
 * ({@code DiagnosticsDocument}, {@code DiagnosisMetrics}, {@code BlackboxProbe}), and the access rules
 * ({@code TokenCheck}, {@code CorsPolicy}, {@code TargetPolicy}). Not an API; it may change in any release.
 */
package dev.netdoctor.server.internal;
