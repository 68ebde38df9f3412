package dev.netdoctor.cli.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.KnowledgeBase;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CLI's one door to the code registry and the knowledge base for {@code explain}. The knowledge base (every
 * guide's front matter parsed) is loaded only when needed: for a guide title once a code is known, and for an
 * application alias ({@code AI101-NET-001}) that the registry alone does not know.
 */
public final class Knowledge {
  /** An application code's shape: letters and digits in dash-separated parts, at least one digit. */
  private static final Pattern ALIAS_SHAPE = Pattern.compile("(?=.*\\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+");

  private Knowledge() {}

  /** A code by short code, long form, long name, or an alias declared by a built-in guide. */
  public static Optional<ErrorCode> findCode(String codeOrAlias) {
    Optional<ErrorCode> code = CodeRegistry.builtIn().find(codeOrAlias);
    if (code.isPresent() || !ALIAS_SHAPE.matcher(codeOrAlias.strip()).matches()) return code;
    return KnowledgeBase.builtIn().registryWithAliases().find(codeOrAlias);
  }

  /** The title of the built-in guide with this id, when there is one. */
  public static Optional<String> guideTitle(String guideId) {
    return KnowledgeBase.builtIn().find(guideId).map(Guide::title);
  }
}
