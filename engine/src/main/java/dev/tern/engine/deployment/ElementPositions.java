package dev.tern.engine.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Where each element with an {@code id} starts in the XML, so parse problems can name line and
 * column as Camunda's do (the BPMN model API keeps no positions). Also the first, cheap check that
 * a resource is well-formed XML at all, and the list of every expression in it (any attribute value
 * or element text with {@code ${} or {@code #{}, wherever it sits), so all can be checked at once.
 */
final class ElementPositions {

  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  record Position(int line, int column) {}

  /** A {@code sequenceFlow} element's references, checked before schema validation. */
  record FlowRefs(String id, String sourceRef, String targetRef) {}

  /** An expression text and the id of the element it is in (or the nearest enclosing one with an id). */
  record ExpressionText(String elementId, String text) {}

  private final Map<String, Position> byId;
  private final List<FlowRefs> flows;
  private final List<ExpressionText> expressions;

  private ElementPositions(
      Map<String, Position> byId, List<FlowRefs> flows, List<ExpressionText> expressions) {
    this.byId = byId;
    this.flows = flows;
    this.expressions = expressions;
  }

  static final Position UNKNOWN = new Position(0, 0);

  /** Reads the positions; a document that is not well-formed XML throws the SAX error. */
  static ElementPositions read(byte[] xml) throws SAXException, IOException {
    Map<String, Position> positions = new HashMap<>();
    List<FlowRefs> flows = new ArrayList<>();
    List<ExpressionText> expressions = new ArrayList<>();
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory
          .newSAXParser()
          .parse(
              new ByteArrayInputStream(xml),
              new DefaultHandler() {
                private Locator locator;
                private final Deque<String> ids = new ArrayDeque<>();
                private final StringBuilder text = new StringBuilder();

                @Override
                public void setDocumentLocator(Locator locator) {
                  this.locator = locator;
                }

                @Override
                public void startElement(
                    String uri, String localName, String qName, Attributes attributes) {
                  String id = attributes.getValue("id");
                  if ("sequenceFlow".equals(localName) && BPMN_NS.equals(uri)) {
                    flows.add(
                        new FlowRefs(
                            id, attributes.getValue("sourceRef"), attributes.getValue("targetRef")));
                  }
                  if (id != null && locator != null) {
                    positions.putIfAbsent(
                        id, new Position(locator.getLineNumber(), locator.getColumnNumber()));
                  }
                  flushText();
                  ids.push(id != null ? id : ids.isEmpty() ? "" : ids.peek());
                  for (int i = 0; i < attributes.getLength(); i++) {
                    addIfExpression(attributes.getValue(i));
                  }
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                  text.append(ch, start, length);
                }

                @Override
                public void endElement(String uri, String localName, String qName) {
                  flushText();
                  ids.pop();
                }

                private void flushText() {
                  addIfExpression(text.toString());
                  text.setLength(0);
                }

                private void addIfExpression(String value) {
                  if (value.contains("${") || value.contains("#{")) {
                    String elementId = ids.isEmpty() || ids.peek().isEmpty() ? null : ids.peek();
                    expressions.add(new ExpressionText(elementId, value.strip()));
                  }
                }
              });
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("No usable SAX parser", e);
    }
    return new ElementPositions(positions, List.copyOf(flows), List.copyOf(expressions));
  }

  List<FlowRefs> flows() {
    return flows;
  }

  List<ExpressionText> expressions() {
    return expressions;
  }

  Position of(String elementId) {
    return elementId == null ? UNKNOWN : byId.getOrDefault(elementId, UNKNOWN);
  }
}
