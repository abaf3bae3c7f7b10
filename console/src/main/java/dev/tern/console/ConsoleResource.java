package dev.tern.console;

import dev.tern.engine.ProcessEngine;
import dev.tern.engine.TernException;
import dev.tern.engine.authorization.Caller;
import dev.tern.engine.identity.IdentityService;
import dev.tern.rest.RestResource;
import dev.tern.rest.Routes;
import dev.tern.rest.auth.Authenticator;
import dev.tern.rest.support.ErrorResponses;
import dev.tern.rest.support.RestException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;

/**
 * The operations console: server-rendered HTML pages under {@value #HOME}, served by the REST
 * server. Incidents grouped by what failed and drilled into, a retry by group or filter as a batch,
 * the batches' live progress, and browsing definitions (with their diagrams), instances, jobs and
 * deployments. Pages escape every value they show; a client mistake answers a 4xx page and changes
 * nothing.
 */
public final class ConsoleResource implements RestResource {

  public static final String HOME = "/console";
  static final String SIGN_IN = HOME + "/sign-in";
  static final String SIGN_OUT = HOME + "/sign-out";
  static final String RETRY = HOME + "/retry";
  static final String BATCHES = HOME + "/batches";
  static final String DEPLOYMENTS = HOME + "/deployments";
  static final String DEFINITIONS = HOME + "/definitions";
  static final String INSTANCES = HOME + "/instances";
  static final String INCIDENTS = HOME + "/incidents";
  static final String JOBS = HOME + "/jobs";

  static final Duration SESSION_IDLE = Duration.ofMinutes(30);
  static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  /** What a page handler does once the visitor may see it. */
  @FunctionalInterface
  interface Page {
    void handle(Context ctx, Sessions.Session session) throws Exception;
  }

  private final ConsoleAccess access;
  private final Assets assets = new Assets();
  private final IncidentsPage incidents;
  private final RetryPage retry;
  private final BatchPage batches;
  private final SignInPage signIn;
  private final DeploymentsPage deployments;
  private final DefinitionsPage definitions;
  private final InstancePage instances;
  private final IncidentListPage incidentList;
  private final JobActions jobs;
  private final BatchListPage batchList;

  /**
   * The console of {@code engine}; with an {@code authenticator} (the engine's users, as the REST
   * API's HTTP Basic uses), visitors sign in first; null: the console is open, like the API.
   * Sessions are signed with {@code sessionSecret} (at least 32 bytes): nodes that share it accept
   * each other's sessions.
   */
  public ConsoleResource(
      ProcessEngine engine, Authenticator authenticator, byte[] sessionSecret, Clock clock) {
    IdentityService identity = engine.identityService();
    this.access =
        new ConsoleAccess(
            new Sessions(
                clock,
                SESSION_IDLE,
                SESSION_LIFETIME,
                sessionSecret,
                userId ->
                    identity
                        .findUser(Caller.SYSTEM, userId)
                        .map(user -> identity.callerOf(user.id())),
                authenticator == null ? Caller.SYSTEM : null),
            authenticator);
    this.incidents = new IncidentsPage(engine.incidentService());
    this.retry = new RetryPage(engine.incidentService(), engine.batchService());
    this.batches =
        new BatchPage(
            engine.batchService(), engine.historicBatchService(), engine.incidentService(), clock);
    this.signIn = new SignInPage(access);
    this.deployments = new DeploymentsPage(engine.deploymentService());
    this.definitions =
        new DefinitionsPage(
            engine.statisticsService(), engine.deploymentService(), engine.processInstances());
    this.instances = new InstancePage(engine);
    this.incidentList = new IncidentListPage(engine.incidentService());
    this.jobs = new JobActions(engine.jobService());
    this.batchList = new BatchListPage(engine.batchService(), engine.historicBatchService());
  }

  /**
   * The console of {@code engine}, signing users in against its identity service or not, with a
   * random session secret: sessions of this node only.
   */
  public static ConsoleResource of(ProcessEngine engine, boolean authentication) {
    return of(engine, authentication, null);
  }

  /**
   * The console of {@code engine} whose sessions are signed with {@code sessionSecret} (UTF-8, at
   * least 32 bytes; the same on every node of a cluster), or a random one when null.
   */
  public static ConsoleResource of(
      ProcessEngine engine, boolean authentication, String sessionSecret) {
    return new ConsoleResource(
        engine,
        authentication ? engine.identityService()::authenticate : null,
        sessionSecret == null
            ? Sessions.randomSecret()
            : sessionSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        engine.clock());
  }

  @Override
  public void addRoutes(Routes routes) {
    Routes root = routes.root();
    root.get(HOME, page(incidents::render))
        .get(RETRY, page(retry::confirm))
        .post(RETRY, form(retry::create))
        .get(INCIDENTS, page(incidentList::render))
        .get(BATCHES, page(batchList::render))
        .get(BATCHES + "/{id}", page(batches::render))
        .get(BATCHES + "/{id}/progress", page(batches::fragment))
        .post(BATCHES + "/{id}/suspend", form(batchList::suspend))
        .post(BATCHES + "/{id}/activate", form(batchList::activate))
        .post(BATCHES + "/{id}/delete", form(batchList::delete))
        .get(DEFINITIONS, page(definitions::list))
        .get(DEFINITIONS + "/{id}", page(definitions::show))
        .get(DEFINITIONS + "/{id}/xml", page(definitions::xml))
        .get(INSTANCES + "/{id}", page(instances::show))
        .get(JOBS + "/{id}/stacktrace", page(jobs::stacktrace))
        .post(JOBS + "/{id}/retry", form(jobs::retry))
        .post(JOBS + "/{id}/suspend", form(jobs::suspend))
        .post(JOBS + "/{id}/activate", form(jobs::activate))
        .get(DEPLOYMENTS, page(deployments::form))
        .post(DEPLOYMENTS, form(deployments::upload))
        .get(SIGN_IN, open(signIn::form))
        .post(SIGN_IN, open(signIn::signIn))
        .post(SIGN_OUT, open(signIn::signOut))
        .get(Assets.PATH + "/{name}", open(assets::serve));
  }

  /** A page for signed-in visitors; others go to the sign-in form. */
  private io.javalin.http.Handler page(Page page) {
    return guarded(
        ctx -> {
          Sessions.Session session = access.signedIn(ctx);
          if (session == null) {
            ctx.redirect(SIGN_IN, HttpStatus.SEE_OTHER);
            return;
          }
          page.handle(ctx, session);
        });
  }

  /** A POST form for signed-in visitors, with its CSRF token checked before anything else. */
  private io.javalin.http.Handler form(Page page) {
    return guarded(
        ctx -> {
          Sessions.Session session = access.checkCsrf(ctx);
          if (session.caller() == null) {
            throw new ConsoleProblem(401, "Sign in first.");
          }
          page.handle(ctx, session);
        });
  }

  private io.javalin.http.Handler open(io.javalin.http.Handler handler) {
    return guarded(handler);
  }

  /** Pages answer HTML whatever goes wrong: a refused request is a page with its status. */
  private io.javalin.http.Handler guarded(io.javalin.http.Handler handler) {
    return ctx -> {
      // bpmn-js styles its drawing inline and shows its licence's logo as a data: image
      ctx.header(
              "Content-Security-Policy",
              "default-src 'self'; style-src 'self' 'unsafe-inline';"
                  + " img-src 'self' data:; frame-ancestors 'none'")
          .header("X-Content-Type-Options", "nosniff")
          .header("Cache-Control", "no-store");
      try {
        handler.handle(ctx);
      } catch (ConsoleProblem problem) {
        problemPage(ctx, problem.status(), problem.getMessage());
      } catch (RestException e) {
        if (e.status() >= 500) {
          throw e;
        }
        problemPage(ctx, e.status(), e.getMessage());
      } catch (TernException e) {
        int status = ErrorResponses.statusOf(e.category());
        if (status >= 500) {
          throw e;
        }
        problemPage(ctx, status, e.getMessage());
      }
    };
  }

  private void problemPage(Context ctx, int status, String message) {
    Sessions.Session session = access.signedIn(ctx);
    ctx.status(status)
        .html(
            Html.page(
                status == 404 ? "Not found" : "Request refused",
                session,
                "<p class=\"problem\" id=\"problem\">"
                    + Html.escape(message)
                    + "</p><p><a href=\""
                    + HOME
                    + "\">Back to the incidents</a></p>"));
  }
}
