package dev.netdoctor.client.internal;

import dev.netdoctor.core.settings.LogLevel;
import dev.netdoctor.core.settings.Logging;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SLF4J logger for one category ({@code netdoctor.client.http}, {@code .retry}, {@code .cache}, ...) gated by
 * {@code Logging.LogLevel}: a message is written only when both the settings' level for the category and the
 * SLF4J backend allow it. Callers pass arguments that are already redacted; this class adds no secret.
 */
public final class ClientLog {
  /** The prefix of every category. */
  public static final String ROOT = "netdoctor.client";

  private final Logger logger;
  private final LogLevel threshold;

  private ClientLog(Logger logger, LogLevel threshold) {
    this.logger = logger;
    this.threshold = threshold;
  }

  /**
   * The logger for {@code ROOT + "." + category}, gated by {@code logging}. A {@code LogLevel} category may name
   * the logger ({@code netdoctor.client.retry}) or the package ({@code dev.netdoctor.client.retry}); the most
   * specific entry of either spelling wins, then {@code Default}.
   */
  public static ClientLog of(String category, Logging logging) {
    String name = ROOT + "." + category;
    boolean named = logging.logLevel().keySet().stream()
        .anyMatch(c -> !c.equals(Logging.DEFAULT_CATEGORY) && (name.equals(c) || name.startsWith(c + ".")));
    Optional<LogLevel> level = named ? logging.levelFor(name) : logging.levelFor("dev." + name);
    return new ClientLog(LoggerFactory.getLogger(name), level.orElse(LogLevel.TRACE));
  }

  private boolean allows(LogLevel level) {
    return threshold != LogLevel.NONE && level.compareTo(threshold) >= 0;
  }

  /**
   * Whether the settings let debug lines of this category through. When they do not, no debug line can ever be
   * written, whatever the backend's level becomes, so the work behind such lines can be left out entirely.
   */
  public boolean settingsAllowDebug() {
    return allows(LogLevel.DEBUG);
  }

  public boolean isDebugEnabled() {
    return allows(LogLevel.DEBUG) && logger.isDebugEnabled();
  }

  public void debug(String format, Object... args) {
    if (isDebugEnabled()) logger.debug(format, args);
  }

  public void info(String format, Object... args) {
    if (allows(LogLevel.INFORMATION) && logger.isInfoEnabled()) logger.info(format, args);
  }

  public void warn(String format, Object... args) {
    if (allows(LogLevel.WARNING) && logger.isWarnEnabled()) logger.warn(format, args);
  }

  /** For warnings that must not be silenced by settings (insecure TLS); still subject to the backend. */
  public void loudWarn(String format, Object... args) {
    logger.warn(format, args);
  }
}
