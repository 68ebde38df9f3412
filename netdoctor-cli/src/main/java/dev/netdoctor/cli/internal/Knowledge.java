package dev.netdoctor.cli.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import dev.netdoctor.core.kb.Guide;
import dev.netdoctor.core.kb.KnowledgeBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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

  /**
   * The title of the built-in guide with this id, when there is one. Fast path: the {@code title:} line of the
   * guide's own resource (guides ship as {@code netdoctor/guides/<id>.md}), so {@code explain} does not parse
   * every guide to print one title; a title written in YAML quoting, or a guide not found there, goes through the
   * knowledge base.
   */
  public static Optional<String> guideTitle(String guideId) {
    if (guideId.matches("[a-z0-9]+(?:-[a-z0-9]+)*")) {
      try (InputStream in = Knowledge.class.getResourceAsStream("/netdoctor/guides/" + guideId + ".md")) {
        if (in != null) {
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
          String first = reader.readLine();
          String line;
          for (int i = 0; first != null && first.equals("---") && i < 40 && (line = reader.readLine()) != null; i++) {
            if (line.equals("---")) break;
            if (line.startsWith("title: ")) {
              String title = line.substring("title: ".length()).strip();
              if (!title.isEmpty() && "\"'|>&*!%@`{[#".indexOf(title.charAt(0)) < 0 && !title.contains(": ")
                  && !title.contains(" #")) {
                return Optional.of(title);
              }
              break;
            }
          }
        }
      } catch (IOException e) {
        // Fall through to the knowledge base, which reports what is wrong.
      }
    }
    return KnowledgeBase.builtIn().find(guideId).map(Guide::title);
  }
}
