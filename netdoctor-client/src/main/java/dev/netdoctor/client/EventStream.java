package dev.netdoctor.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * A streamed ({@code text/event-stream}) answer, read event by event.
 *
 * <p>Contract: {@link #next()} returns the next event, or empty once the server ended the stream cleanly. Each
 * read may wait at most the provider's stream idle timeout: a longer silence fails with
 * {@code NET004/idle-stream}; a connection lost mid-stream fails with {@code NET018/stream-cut}. A stream is
 * never retried once it has started (events already handed out cannot be taken back). Not thread-safe: one
 * reader. Close it (try-with-resources) to release the connection.
 */
public final class EventStream implements Closeable {
  private final Response response;
  private final BufferedSource source;
  private final Function<IOException, NetdoctorException> failures;
  private boolean done;

  EventStream(Response response, Duration idle, Function<IOException, NetdoctorException> failures) {
    this.response = response;
    this.source = response.body().source();
    this.failures = failures;
    source.timeout().timeout(idle.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The HTTP status of the answer (2xx). */
  public int status() {
    return response.code();
  }

  /** A response header, e.g. {@code x-request-id}. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(response.header(name));
  }

  /**
   * The next event, or empty at the clean end of the stream.
   *
   * @throws NetdoctorException {@code NET004/idle-stream} or {@code NET018/stream-cut}
   */
  public Optional<ServerSentEvent> next() {
    if (done) return Optional.empty();
    String event = "";
    String id = "";
    StringBuilder data = null;
    try {
      while (true) {
        String line = source.readUtf8Line();
        if (line == null) {
          done = true;
          return Optional.empty(); // an unterminated last event is dropped, as the SSE spec says
        }
        if (line.isEmpty()) {
          if (data != null) return Optional.of(new ServerSentEvent(event, data.toString(), id));
          event = "";
          continue;
        }
        if (line.startsWith(":")) continue;
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) value = value.substring(1);
        switch (field) {
          case "event": event = value; break;
          case "id": id = value; break;
          case "data":
            if (data == null) data = new StringBuilder(value); else data.append('\n').append(value);
            break;
          default: break; // retry: and unknown fields
        }
      }
    } catch (IOException e) {
      done = true;
      response.close();
      throw failures.apply(e instanceof SocketTimeoutException ? idle(e) : cut(e));
    }
  }

  private static IOException idle(IOException e) {
    IOException f = new dev.netdoctor.client.internal.ClientFailure("NET004", "idle-stream", 0,
        "the stream was silent longer than its idle timeout");
    f.initCause(e);
    return f;
  }

  private static IOException cut(IOException e) {
    IOException f = new dev.netdoctor.client.internal.ClientFailure("NET018", "stream-cut", 0,
        "the connection was lost in the middle of the streamed answer (" + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); not retried because the stream had started");
    f.initCause(e);
    return f;
  }

  @Override
  public void close() {
    done = true;
    response.close();
  }
}
