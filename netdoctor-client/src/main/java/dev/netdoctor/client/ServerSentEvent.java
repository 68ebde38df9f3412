package dev.netdoctor.client;

import java.util.Objects;

/**
 * One event of a {@code text/event-stream} response.
 *
 * @param event the {@code event:} field, empty when the server sent none
 * @param data the {@code data:} lines joined by {@code \n}
 * @param id the {@code id:} field, empty when none
 */
public record ServerSentEvent(String event, String data, String id) {
  public ServerSentEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(id, "id");
  }
}
