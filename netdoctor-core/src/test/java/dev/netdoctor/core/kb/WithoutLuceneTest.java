package dev.netdoctor.core.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lucene is an optional dependency of core: an application without it can still load guides, look them up and
 * lint them; only search needs it, and says so.
 */
class WithoutLuceneTest {

  @Test
  void lookupAndLintWorkWithoutLuceneAndSearchExplainsWhatIsMissing() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    URL[] urls = Stream.of(classPath.split(File.pathSeparator))
        .filter(entry -> !entry.contains("lucene"))
        .map(WithoutLuceneTest::url)
        .toArray(URL[]::new);
    Path valid = Fixtures.dir("valid");
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(() -> loader.loadClass("org.apache.lucene.search.Query"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> registryClass = loader.loadClass("dev.netdoctor.core.codes.CodeRegistry");
      Class<?> kbClass = loader.loadClass("dev.netdoctor.core.kb.KnowledgeBase");
      Object registry = registryClass.getMethod("builtIn").invoke(null);
      Object kb = kbClass.getMethod("fromDirectories", List.class, registryClass).invoke(null, List.of(valid), registry);

      Optional<?> guide = (Optional<?>) kbClass.getMethod("find", String.class).invoke(kb, "NET010");
      assertThat(guide).isPresent();
      List<?> problems = (List<?>) loader.loadClass("dev.netdoctor.core.kb.GuideLinter")
          .getMethod("lint", Path.class).invoke(null, valid);
      assertThat(problems).isEmpty();

      Method search = kbClass.getMethod("search", String.class, int.class);
      assertThatThrownBy(() -> search.invoke(kb, "proxy", 3))
          .isInstanceOf(InvocationTargetException.class)
          .cause()
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("needs Lucene on the class path");
    }
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
