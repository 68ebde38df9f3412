package dev.netdoctor.core.settings;

import java.util.Objects;

/**
 * A user name and password for a proxy. {@link #toString()} never shows the password.
 *
 * @param username the user name (not treated as a secret)
 * @param password the password
 */
public record ProxyCredentials(String username, Secret password) {
  public ProxyCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }
}
