package coop.lattice.wall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The templates escape everything: jte's HTML content type escapes each expression for where it
 * stands, and no template opts out ({@code $unsafe}) or writes a script, an inline handler or an
 * inline style the policy would have to allow.
 */
class TemplatesTest {
  @Test
  void noTemplateWritesUnescapedOutputScriptsOrInlineStyles() throws IOException {
    List<Path> templates;
    try (Stream<Path> files = Files.list(Path.of("src/main/jte"))) {
      templates = files.filter(p -> p.toString().endsWith(".jte")).toList();
    }
    assertThat(templates).hasSizeGreaterThanOrEqualTo(10);
    for (Path t : templates) {
      String text = Files.readString(t);
      assertThat(text).as(t.toString()).doesNotContain("$unsafe", "<script", " style=", " on", "javascript:");
    }
  }

  @Test
  void thePolicyAllowsNoScriptAndOnlyTheNodesStylesheet() {
    assertThat(Wall.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "style-src 'self'",
        "frame-ancestors 'none'").doesNotContain("unsafe", "script-src");
  }
}
