package dev.tern.engine.batch;

import dev.tern.engine.incident.IncidentStore;
import dev.tern.engine.job.Jobs;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Sets the retries of a bounded chunk of jobs with a constant number of set-based statements, with
 * Camunda's incident rules: a job going from 0 to more retries gets its {@code failedJob} incident
 * resolved; a job going from more than 0 to 0 gets a new {@code failedJob} incident (opened by
 * {@link IncidentStore}, the same rule as {@code PUT /job/{id}/retries} and a failing job). Ids of
 * jobs that no longer exist simply match nothing.
 *
 * <p>Every statement selects rows by primary key or an indexed column through one array parameter
 * ({@code = ANY(:ids)}). Deeper sub-selects were planned badly by PostgreSQL right after the rows
 * were written, before statistics existed (minutes for 1,000 jobs); key lookups are fast whatever
 * the statistics say. The chunk size bounds the ids held in memory.
 */
final class JobRetriesWriter {

  private final Jobs jobs;
  private final IncidentStore incidents;

  JobRetriesWriter(Jobs jobs, IncidentStore incidents) {
    this.jobs = jobs;
    this.incidents = incidents;
  }

  /**
   * Applies {@code retries} to the jobs with these ids.
   *
   * @param jobIds a bounded chunk of job ids (the batch's {@code invocationsPerBatchJob} at most)
   * @return the number of jobs updated
   */
  int apply(Handle handle, List<String> jobIds, JobRetries retries) {
    if (jobIds.isEmpty()) {
      return 0;
    }
    Map<String, Integer> before = jobs.retriesOf(handle, jobIds);
    int updated =
        jobs.updateRetries(
            handle, jobIds, retries.retries(), retries.dueDate(), retries.dueDateSet());
    if (retries.retries() > 0) {
      incidents.resolveFailedJobIncidents(handle, idsWhere(before, true));
    } else {
      incidents.openFailedJobIncidents(handle, idsWhere(before, false));
    }
    return updated;
  }

  private static List<String> idsWhere(Map<String, Integer> retries, boolean zero) {
    return retries.entrySet().stream()
        .filter(e -> (e.getValue() == 0) == zero)
        .map(Map.Entry::getKey)
        .toList();
  }
}
