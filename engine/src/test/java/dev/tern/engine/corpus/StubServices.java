package dev.tern.engine.corpus;

/** Beans the corpus diagrams call by expression, doing nothing. */
final class StubServices {

  private StubServices() {}

  public static final class JobAnnouncementService {
    public void postToFacebook(Object id) {}

    public void postToTwitter(Object id) {}

    public void postToWebsite(Object id) {}

    public void notifyAboutPostings(Object id) {}

    public String findRequester(Object id) {
      return "demo";
    }

    public String findEditor(Object id) {
      return "demo";
    }
  }
}
