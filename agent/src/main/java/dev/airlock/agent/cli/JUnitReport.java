package dev.airlock.agent.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes test outcomes as JUnit XML, the format CI systems (Jenkins, GitLab, GitHub Actions test
 * reporters, Azure DevOps) read: one {@code <testsuite>} per test file inside {@code <testsuites>},
 * one {@code <testcase>} per case, a {@code <failure>} for each failing case carrying every unmet
 * expectation. Written with the JDK's StAX writer, so names and messages are escaped correctly.
 */
final class JUnitReport {

  private JUnitReport() {}

  /**
   * @param suiteName the test file's name
   * @param className the {@code classname} of every case: CI tools group by it
   * @param properties facts about the run (policy name, sha256), as {@code <property>} elements
   */
  static void write(Path file, String suiteName, String className, Map<String, String> properties,
      List<TestOutcome> outcomes) throws IOException {
    long failures = outcomes.stream().filter(o -> !o.passed()).count();
    double time = outcomes.stream().mapToDouble(TestOutcome::seconds).sum();
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("testsuites");
      attributes(xml, "airlock policy tests", outcomes.size(), failures, time);
      xml.writeCharacters("\n  ");
      xml.writeStartElement("testsuite");
      attributes(xml, suiteName, outcomes.size(), failures, time);
      xml.writeAttribute("skipped", "0");
      xml.writeCharacters("\n    ");
      xml.writeStartElement("properties");
      for (Map.Entry<String, String> p : properties.entrySet()) {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", clean(p.getKey()));
        xml.writeAttribute("value", clean(p.getValue()));
      }
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
      for (TestOutcome o : outcomes) {
        xml.writeCharacters("\n    ");
        if (o.passed()) {
          xml.writeEmptyElement("testcase");
          testcase(xml, o, className);
          continue;
        }
        xml.writeStartElement("testcase");
        testcase(xml, o, className);
        xml.writeCharacters("\n      ");
        xml.writeStartElement("failure");
        xml.writeAttribute("type", "PolicyExpectation");
        xml.writeAttribute("message", clean(o.failures().get(0)));
        xml.writeCharacters(clean(String.join("\n", o.failures())));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
      }
      xml.writeCharacters("\n  ");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndElement();
      xml.writeCharacters("\n");
      xml.writeEndDocument();
      xml.flush();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void attributes(XMLStreamWriter xml, String name, int tests, long failures, double time)
      throws XMLStreamException {
    xml.writeAttribute("name", clean(name));
    xml.writeAttribute("tests", Integer.toString(tests));
    xml.writeAttribute("failures", Long.toString(failures));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("time", seconds(time));
  }

  private static void testcase(XMLStreamWriter xml, TestOutcome o, String className) throws XMLStreamException {
    xml.writeAttribute("name", clean(o.name()));
    xml.writeAttribute("classname", clean(className));
    xml.writeAttribute("time", seconds(o.seconds()));
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", s);
  }

  /** XML 1.0 cannot carry most control characters, not even escaped; a name from YAML can hold them. */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
          || Character.isSurrogate(c) || (c >= 0xE000 && c <= 0xFFFD);
      out.append(allowed ? c : '\uFFFD');
    }
    return out.toString();
  }
}
