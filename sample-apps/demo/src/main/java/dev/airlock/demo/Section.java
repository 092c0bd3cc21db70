package dev.airlock.demo;

/** One titled part of the demo: runs sample apps under a policy, then prints the evidence. */
interface Section {

  void run(Stage stage) throws Exception;
}
