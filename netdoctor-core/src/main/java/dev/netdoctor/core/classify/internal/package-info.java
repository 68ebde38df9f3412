/**
 * The classifier's engine: the rules file ({@link dev.netdoctor.core.classify.internal.RuleSet}), the literal
 * automaton ({@link dev.netdoctor.core.classify.internal.TriggerAutomaton}), the bounded text scan
 * ({@link dev.netdoctor.core.classify.internal.TextScanner}), chain depth, the renderers for throwables and HTTP
 * answers, and the verdict. Not an API: use {@link dev.netdoctor.core.classify.Classifier}.
 */
package dev.netdoctor.core.classify.internal;
