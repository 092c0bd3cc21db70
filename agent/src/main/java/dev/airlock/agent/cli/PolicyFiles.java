package dev.airlock.agent.cli;

import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.PolicyProblem;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads the policy a command works on, with the agent's own loader. A path that is no file is a
 * usage mistake; a file that does not validate is the "checked thing is wrong" outcome, reported
 * with every error as {@code validate} prints them.
 */
final class PolicyFiles {

  private PolicyFiles() {}

  /**
   * @param err where the errors of an invalid policy go (stdout may be carrying JSON)
   * @return the load result; {@link PolicyLoadResult#ok()} tells whether there is a policy
   * @throws UsageException when {@code file} is not a regular file
   */
  static PolicyLoadResult load(String file, PrintStream err) throws UsageException {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new UsageException(file + ": no such policy file");
    }
    PolicyLoadResult result = PolicyLoader.load(path);
    if (!result.ok()) {
      for (PolicyProblem problem : result.errors()) {
        err.println(problem);
      }
      err.println(file + ": invalid: " + result.errors().size() + " error(s); run 'validate' for details");
    }
    return result;
  }
}
