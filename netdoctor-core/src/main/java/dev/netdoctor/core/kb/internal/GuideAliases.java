package dev.netdoctor.core.kb.internal;

import dev.netdoctor.core.codes.CodeRegistry;
import dev.netdoctor.core.codes.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Derives application-code aliases from guides' {@code errorCodes}. */
public final class GuideAliases {
  private GuideAliases() {}

  /**
   * Alias → registry code id, for every alias-shaped entry the registry does not know, mapped to the first
   * registry code listed in the same guide. When two guides map one alias differently, the earlier guide wins
   * (the linter reports the conflict). Keys are upper-cased.
   *
   * @param errorCodesPerGuide each guide's {@code errorCodes}, in knowledge-base order
   */
  public static Map<String, String> derive(List<List<String>> errorCodesPerGuide, CodeRegistry registry) {
    Map<String, String> aliases = new LinkedHashMap<>();
    for (List<String> codes : errorCodesPerGuide) {
      Optional<String> target = firstRegistryCode(codes, registry);
      if (target.isEmpty()) continue;
      for (String code : codes) {
        if (registry.find(code).isEmpty() && AliasShape.matches(code)) {
          aliases.putIfAbsent(code.toUpperCase(Locale.ROOT), target.get());
        }
      }
    }
    return aliases;
  }

  /** The id of the first entry of {@code codes} the registry knows. */
  public static Optional<String> firstRegistryCode(List<String> codes, CodeRegistry registry) {
    return codes.stream().map(registry::find).flatMap(Optional::stream).map(ErrorCode::id).findFirst();
  }
}
