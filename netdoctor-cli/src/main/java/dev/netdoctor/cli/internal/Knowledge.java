package dev.netdoctor.cli.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import java.util.Optional;

/**
 * The CLI's one door to the code registry and the knowledge base. The knowledge base is loaded only when a
 * command needs it (a guide title, an alias), so {@code explain NET002} starts fast.
 */
public final class Knowledge {
  private Knowledge() {}

  /** A code by short code, long form, long name, or an alias declared by a guide. */
  public static Optional<ErrorCode> findCode(String codeOrAlias) {
    return CodeRegistry.builtIn().find(codeOrAlias);
  }

  /** The title of the guide with this id, when the knowledge base has it. */
  public static Optional<String> guideTitle(String guideId) {
    return Optional.empty();
  }
}
