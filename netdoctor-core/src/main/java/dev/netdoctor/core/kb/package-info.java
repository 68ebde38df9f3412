/**
 * The knowledge base: Markdown guides with YAML front matter, looked up by id or error code, searched with
 * Lucene, and checked by a linter.
 *
 * <p>A guide file starts with a front matter block:
 *
 * <pre>
 * ---
 * id: proxy-authentication-failed        # required; lower-case words joined by '-'
 * title: Proxy Authentication Failed     # required
 * category: Proxy                        # required
 * symptoms: [407 Proxy Authentication Required]   # required list of strings
 * errorCodes: [NET010, AI101-NET-010]    # required list: registry codes and application aliases
 * relatedDocs: [proxy-configuration#solutions]    # optional list of links
 * ---
 * </pre>
 *
 * followed by the sections {@code ## Symptom Description}, {@code ## Diagnosis Steps}, {@code ## Solutions},
 * {@code ## Prevention} and {@code ## Related Documentation}.
 *
 * <p>Entry points: {@link dev.netdoctor.core.kb.KnowledgeBase} ({@code builtIn()}, {@code load(dirs)},
 * {@code find}, {@code search}, {@code aliases}, {@code registryWithAliases}) and
 * {@link dev.netdoctor.core.kb.GuideLinter}. Lucene is an optional dependency of this module; only
 * {@code KnowledgeBase.search} needs it.
 */
package dev.netdoctor.core.kb;
