package dev.chaosharness.core.report;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A rendered report parsed as XML (the report is well-formed on purpose), queried with XPath, so
 * tests assert structure rather than substrings. Element names are plain (namespace-unaware).
 */
final class ReportDom {

  private final Document document;
  private final XPath xpath = XPathFactory.newInstance().newXPath();

  private ReportDom(Document document) {
    this.document = document;
  }

  /** Parses {@code html}; fails the test when it is not well-formed. */
  static ReportDom parse(String html) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return new ReportDom(factory.newDocumentBuilder().parse(new InputSource(new StringReader(html))));
    } catch (Exception e) {
      throw new AssertionError("the report is not well-formed: " + e.getMessage(), e);
    }
  }

  /** Returns how many nodes {@code expression} selects. */
  int count(String expression) {
    return nodes(expression).getLength();
  }

  /** Returns the text of the first node {@code expression} selects, whitespace-normalised. */
  String text(String expression) {
    return evaluate("normalize-space(" + expression + ")");
  }

  /** Returns the whitespace-normalised text of every node {@code expression} selects. */
  List<String> texts(String expression) {
    NodeList nodes = nodes(expression);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim().replaceAll("\\s+", " "));
    }
    return texts;
  }

  /** Returns each row of the table {@code tableClass}'s body as its cells' texts joined by {@code " | "}. */
  List<String> rows(String tableClass) {
    NodeList rows = nodes("//table[@class='" + tableClass + "']/tbody/tr");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < rows.getLength(); i++) {
      texts.add(String.join(" | ", texts(rows.item(i), "td")));
    }
    return texts;
  }

  private List<String> texts(org.w3c.dom.Node context, String expression) {
    try {
      NodeList nodes = (NodeList) xpath.evaluate(expression, context, XPathConstants.NODESET);
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        texts.add(nodes.item(i).getTextContent().trim().replaceAll("\\s+", " "));
      }
      return texts;
    } catch (Exception e) {
      throw new AssertionError("bad XPath " + expression + ": " + e.getMessage(), e);
    }
  }

  private NodeList nodes(String expression) {
    try {
      return (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
    } catch (Exception e) {
      throw new AssertionError("bad XPath " + expression + ": " + e.getMessage(), e);
    }
  }

  private String evaluate(String expression) {
    try {
      return xpath.evaluate(expression, document);
    } catch (Exception e) {
      throw new AssertionError("bad XPath " + expression + ": " + e.getMessage(), e);
    }
  }
}
