package dev.netdoctor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The JSON form of a {@link Report}: field names as the record components, instants as ISO-8601 strings,
 * {@code null} codes and causes written as {@code null}. Pretty-printed, one field per line, stable order.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new SimpleModule().addSerializer(Instant.class, new InstantSerializer()))
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private ReportJson() {}

  public static String write(Object reportOrPart) {
    try {
      return MAPPER.writeValueAsString(reportOrPart);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared mapper, for callers that embed report parts in their own JSON. */
  public static ObjectMapper mapper() {
    return MAPPER.copy();
  }

  private static final class InstantSerializer extends StdSerializer<Instant> {
    InstantSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(value.toString());
    }
  }
}
