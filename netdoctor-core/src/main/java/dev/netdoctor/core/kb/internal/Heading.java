package dev.netdoctor.core.kb.internal;

/**
 * A Markdown ATX heading.
 *
 * @param level 1 to 6
 * @param text the heading text without the leading {@code #}s
 * @param slug the GitHub-style anchor ({@code ## Diagnosis Steps} → {@code diagnosis-steps}), with {@code -1},
 *     {@code -2} appended to repeats as GitHub does
 * @param line 1-based line in the file
 */
public record Heading(int level, String text, String slug, int line) {}
