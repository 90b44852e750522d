package dev.reco.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps README.md's quickstart identical to the compiled code in {@link QuickstartTest}. */
class ReadmeSnippetTest {

  @Test
  void readmeQuickstartIsTheTestedCode() throws IOException {
    Path root = Path.of("").toAbsolutePath();
    Path readme = root.resolve("README.md");
    if (!Files.exists(readme)) {
      readme = root.getParent().resolve("README.md");
    }
    String markdown = Files.readString(readme);
    String test = Files.readString(root.resolve("src/test/java/dev/reco/examples/QuickstartTest.java"));
    String snippet = test.substring(test.indexOf("// README:BEGIN") + "// README:BEGIN".length(),
        test.indexOf("// README:END"));
    StringBuilder expected = new StringBuilder();
    for (String line : snippet.strip().split("\n")) {
      expected.append(line.strip()).append('\n');
    }
    int start = markdown.indexOf("```java", markdown.indexOf("## Quickstart")) + "```java".length();
    String block = markdown.substring(start, markdown.indexOf("```", start)).strip() + "\n";
    assertTrue(block.equals(expected.toString()),
        "README quickstart differs from QuickstartTest:\n--- README\n" + block + "--- test\n" + expected);
    assertTrue(block.split("\n").length <= 10, "the quickstart is at most 10 lines");
  }
}
