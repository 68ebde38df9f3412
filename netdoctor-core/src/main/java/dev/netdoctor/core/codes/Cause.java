package dev.netdoctor.core.codes;

import java.util.Objects;

/**
 * One of the distinct reasons a code covers, e.g. NET002's {@code nxdomain} ("the name does not exist").
 *
 * @param id stable lower-case identifier, unique within its code ({@code nxdomain}, {@code servfail}, ...)
 * @param title a short phrase for a person
 * @param description what it means and what usually fixes it
 */
public record Cause(String id, String title, String description) {
  public Cause {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    description = description == null ? "" : description;
  }
}
