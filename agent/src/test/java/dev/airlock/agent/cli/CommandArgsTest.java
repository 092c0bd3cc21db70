package dev.airlock.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandArgsTest {

  private static CommandArgs parse(String... args) throws UsageException {
    return CommandArgs.parse(List.of(args), Set.of("--json"), Set.of("--tenant"));
  }

  @Test
  void positionalsFlagsAndOptionsInAnyOrder() throws Exception {
    CommandArgs a = parse("--tenant", "acme", "p.yaml", "--json", "r.json");
    assertEquals(List.of("p.yaml", "r.json"), a.positionals());
    assertTrue(a.has("--json"));
    assertEquals("acme", a.option("--tenant"));
    assertEquals("x=y", parse("--tenant=x=y").option("--tenant"));
    assertNull(parse("a").option("--tenant"));
    assertEquals(List.of("-odd.json"), parse("--", "-odd.json").positionals());
  }

  @Test
  void mistakesAreUsageErrors() {
    assertTrue(assertThrows(UsageException.class, () -> parse("--tenat", "x")).getMessage()
        .contains("did you mean '--tenant'?"));
    assertThrows(UsageException.class, () -> parse("--tenant"));
    assertThrows(UsageException.class, () -> parse("--tenant", "a", "--tenant", "b"));
    assertThrows(UsageException.class, () -> parse("--json=yes"));
  }
}
