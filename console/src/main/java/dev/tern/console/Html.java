package dev.tern.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Escaping and the page frame of every console page. */
final class Html {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
      body{font-family:system-ui,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
      header{background:#1d2430;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
      header a{color:#fff;text-decoration:none;font-weight:600}
      header .who{margin-left:auto;display:flex;gap:.6rem;align-items:center}
      main{padding:1.2rem;max-width:78rem}
      table{border-collapse:collapse;background:#fff;width:100%;font-size:.92rem}
      th,td{border:1px solid #d5d9e0;padding:.4rem .6rem;text-align:left;vertical-align:top}
      th{background:#eceff3}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      .problem{background:#fde8e8;border:1px solid #e0a0a0;padding:.8rem}
      .ok{background:#e6f6ea;border:1px solid #9fd0ab;padding:.8rem}
      form.inline{display:inline}
      label{display:block;margin:.5rem 0}
      progress{width:24rem;height:1.2rem}
      button{padding:.3rem .9rem}
      td.id{font-family:monospace;font-size:.72rem;white-space:nowrap}
      .nowrap{white-space:nowrap}
      progress.small{width:5rem;height:1rem}
      pre.stacktrace{background:#fff;border:1px solid #d5d9e0;padding:.8rem;overflow:auto;max-height:40rem}
      #diagram{height:26rem;background:#fff;border:1px solid #d5d9e0;margin:.8rem 0}
      .badge{display:inline-block;min-width:1.2rem;padding:0 .3rem;border-radius:.7rem;color:#fff;
        font-size:.8rem;text-align:center;font-weight:600}
      .badge.running{background:#2f7d4a}
      .badge.incidents{background:#c0392b}
      .has-incidents:not(.djs-connection) .djs-visual > :nth-child(1){stroke:#c0392b !important}
      """;

  private Html() {}

  /** Text made safe for HTML element content and double- or single-quoted attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /**
   * A whole page: {@code body} is HTML the caller built with {@link #escape}; {@code session} (null
   * on the sign-in page) names the user and carries the sign-out form.
   */
  static String page(String title, Sessions.Session session, String body) {
    return page(title, session, body, "");
  }

  /** A page drawing a BPMN diagram with bpmn-js (see {@code diagram.js}). */
  static String diagramPage(String title, Sessions.Session session, String body) {
    return page(
        title,
        session,
        body,
        "<link rel=\"stylesheet\" href=\""
            + Assets.DIAGRAM_CSS_PATH
            + "\"><script src=\""
            + Assets.BPMN_VIEWER_PATH
            + "\"></script><script src=\""
            + Assets.DIAGRAM_SCRIPT_PATH
            + "\" defer></script>");
  }

  private static String page(String title, Sessions.Session session, String body, String head) {
    StringBuilder who = new StringBuilder();
    if (session != null && session.caller() != null && session.caller().userId() != null) {
      who.append("<span class=\"who\">")
          .append(escape(session.caller().userId()))
          .append("<form class=\"inline\" method=\"post\" action=\"")
          .append(ConsoleResource.SIGN_OUT)
          .append("\">")
          .append(csrfField(session))
          .append("<button type=\"submit\" id=\"sign-out\">Sign out</button></form></span>");
    }
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>"
        + escape(title)
        + " · Tern console</title>"
        + "<script src=\""
        + Assets.HTMX_PATH
        + "\"></script>"
        + head
        + "<style>"
        + STYLE
        + "</style></head><body><header><a href=\""
        + ConsoleResource.HOME
        + "\">Tern console</a><a href=\""
        + ConsoleResource.HOME
        + "\">Incidents</a><a href=\""
        + ConsoleResource.DEFINITIONS
        + "\">Processes</a><a href=\""
        + ConsoleResource.BATCHES
        + "\">Batches</a><a href=\""
        + ConsoleResource.DEPLOYMENTS
        + "\">Deploy</a>"
        + who
        + "</header><main><h1>"
        + escape(title)
        + "</h1>"
        + body
        + "</main></body></html>";
  }

  /** The hidden CSRF field every POST form of the console carries. */
  static String csrfField(Sessions.Session session) {
    return "<input type=\"hidden\" name=\""
        + ConsoleAccess.CSRF_FIELD
        + "\" value=\""
        + escape(session.csrfToken())
        + "\">";
  }

  /** The opening of a table with this id and column headings (plain text), up to its body. */
  static String tableStart(String id, String... headings) {
    StringBuilder html = new StringBuilder("<table id=\"").append(id).append("\"><thead><tr>");
    for (String heading : headings) {
      html.append("<th>").append(escape(heading)).append("</th>");
    }
    return html.append("</tr></thead><tbody>").toString();
  }

  /** A link; {@code href} and {@code text} are escaped here. */
  static String link(String href, String text) {
    return "<a href=\"" + escape(href) + "\">" + escape(text) + "</a>";
  }

  /**
   * A one-button POST form with the session's CSRF field: what every action of a browse page looks
   * like. {@code back} (escaped) is where the action returns to.
   */
  static String action(
      Sessions.Session session, String path, String label, String cssClass, String back) {
    return "<form class=\"inline\" method=\"post\" action=\""
        + escape(path)
        + "\">"
        + csrfField(session)
        + "<input type=\"hidden\" name=\"back\" value=\""
        + escape(back)
        + "\"><button type=\"submit\" class=\""
        + cssClass
        + "\">"
        + escape(label)
        + "</button></form>";
  }

  /** A query string of name/value pairs, URL-encoded; pairs with a null value are left out. */
  static String query(String... namesAndValues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] == null) {
        continue;
      }
      out.append(out.length() == 0 ? "?" : "&")
          .append(namesAndValues[i])
          .append('=')
          .append(
              java.net.URLEncoder.encode(
                  namesAndValues[i + 1], java.nio.charset.StandardCharsets.UTF_8));
    }
    return out.toString();
  }
}
