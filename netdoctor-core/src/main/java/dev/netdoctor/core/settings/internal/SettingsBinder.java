package dev.netdoctor.core.settings.internal;

import dev.netdoctor.core.settings.Settings;
import dev.netdoctor.core.settings.SettingsException;
import dev.netdoctor.core.settings.SettingsProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Placeholder while the binder is written: answers the defaults. */
public final class SettingsBinder {
  private final Path userHome;
  private final List<SettingsProblem> problems = new ArrayList<>();

  public SettingsBinder(Path userHome) {
    this.userHome = userHome;
  }

  public void readText(String text, String name) {}

  public void readFile(Path file) {}

  public void missingFile(Path file, String what) {}

  public void applyEnvironment(Map<String, String> env) {}

  public void applySystemProperties(Map<String, String> props) {}

  public void applyOverrides(Map<String, String> overrides) {}

  public Settings finish(Map<String, String> env) throws SettingsException {
    return Settings.defaults(userHome);
  }

  public List<SettingsProblem> warnings() {
    return List.copyOf(problems);
  }
}
