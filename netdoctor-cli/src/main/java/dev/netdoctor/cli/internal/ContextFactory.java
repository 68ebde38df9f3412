package dev.netdoctor.cli.internal;

import dev.netdoctor.cli.CliContext;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Creates commands, handing the {@link CliContext} to those whose constructor takes one. */
public final class ContextFactory implements IFactory {
  private final CliContext context;

  public ContextFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> cls) throws Exception {
    for (Constructor<?> c : cls.getDeclaredConstructors()) {
      if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliContext.class) {
        c.setAccessible(true);
        return cls.cast(c.newInstance(context));
      }
    }
    return CommandLine.defaultFactory().create(cls);
  }
}
