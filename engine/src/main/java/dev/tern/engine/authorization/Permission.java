package dev.tern.engine.authorization;

import dev.tern.engine.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A permission: Camunda's name and bit. The same name can mean different bits on different resource
 * types (Camunda's {@code Permissions} and the resource-specific enums such as {@code
 * BatchPermissions}); {@link #of} resolves a name for a resource type.
 */
public record Permission(String name, int bits) {

  public static final Permission NONE = new Permission("NONE", 0);
  public static final Permission ALL = new Permission("ALL", Integer.MAX_VALUE);
  public static final Permission READ = new Permission("READ", 2);
  public static final Permission UPDATE = new Permission("UPDATE", 4);
  public static final Permission CREATE = new Permission("CREATE", 8);
  public static final Permission DELETE = new Permission("DELETE", 16);
  public static final Permission CREATE_INSTANCE = new Permission("CREATE_INSTANCE", 256);
  public static final Permission READ_INSTANCE = new Permission("READ_INSTANCE", 512);
  public static final Permission UPDATE_INSTANCE = new Permission("UPDATE_INSTANCE", 1024);
  public static final Permission DELETE_INSTANCE = new Permission("DELETE_INSTANCE", 2048);
  public static final Permission READ_HISTORY = new Permission("READ_HISTORY", 4096);
  public static final Permission DELETE_HISTORY = new Permission("DELETE_HISTORY", 8192);
  /** {@code ProcessInstancePermissions.RETRY_JOB}; also ProcessDefinition's {@code RETRY_JOB}. */
  public static final Permission RETRY_JOB = new Permission("RETRY_JOB", 32);
  /** Process instance: change its variables. */
  public static final Permission UPDATE_VARIABLE = new Permission("UPDATE_VARIABLE", 128);
  /** Process definition: change the variables of its instances. */
  public static final Permission UPDATE_INSTANCE_VARIABLE =
      new Permission("UPDATE_INSTANCE_VARIABLE", 262144);
  /** {@code ProcessInstancePermissions.SUSPEND}. */
  public static final Permission SUSPEND_PROCESS_INSTANCE = new Permission("SUSPEND", 64);
  /** {@code ProcessDefinitionPermissions.SUSPEND}. */
  public static final Permission SUSPEND_PROCESS_DEFINITION = new Permission("SUSPEND", 1048576);
  public static final Permission SUSPEND_INSTANCE = new Permission("SUSPEND_INSTANCE", 131072);
  public static final Permission CREATE_BATCH_SET_JOB_RETRIES =
      new Permission("CREATE_BATCH_SET_JOB_RETRIES", 2048);
  public static final Permission CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES =
      new Permission("CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES", 512);
  public static final Permission CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES =
      new Permission("CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES", 16384);
  public static final Permission CREATE_BATCH_CORRELATE_MESSAGE =
      new Permission("CREATE_BATCH_CORRELATE_MESSAGE", 262144);

  private static final Map<Resource, Map<String, Integer>> BY_RESOURCE = catalog();

  /** The permission called {@code name} on {@code resource}; an unknown pair is a client mistake. */
  public static Permission of(String name, Resource resource) {
    Integer bits = BY_RESOURCE.get(resource).get(name);
    if (bits == null) {
      throw new InvalidRequestException(
          "The permission '" + name + "' is not valid for '" + resource.resourceName()
              + "' resource type.");
    }
    return new Permission(name, bits);
  }

  /**
   * Camunda's names for a bit mask on {@code resource}: {@code ALL} and {@code NONE} alone, else
   * each named permission whose bit is set.
   */
  public static List<String> namesOf(int bits, Resource resource) {
    if (bits == ALL.bits) {
      return List.of(ALL.name);
    }
    if (bits == 0) {
      return List.of(NONE.name);
    }
    List<String> names = new ArrayList<>();
    BY_RESOURCE
        .get(resource)
        .forEach(
            (name, bit) -> {
              if (bit != 0 && bit != ALL.bits && (bits & bit) == bit) {
                names.add(name);
              }
            });
    return names;
  }

  private static Map<Resource, Map<String, Integer>> catalog() {
    Map<Resource, Map<String, Integer>> all = new LinkedHashMap<>();
    for (Resource r : Resource.values()) {
      all.put(r, generic(r));
    }
    all.put(
        Resource.BATCH,
        names(
            "READ", 2, "UPDATE", 4, "CREATE", 8, "DELETE", 16, "READ_HISTORY", 4096,
            "DELETE_HISTORY", 8192, "CREATE_BATCH_MIGRATE_PROCESS_INSTANCES", 32,
            "CREATE_BATCH_MODIFY_PROCESS_INSTANCES", 64, "CREATE_BATCH_RESTART_PROCESS_INSTANCES", 128,
            "CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES", 256,
            "CREATE_BATCH_DELETE_FINISHED_PROCESS_INSTANCES", 512,
            "CREATE_BATCH_DELETE_DECISION_INSTANCES", 1024, "CREATE_BATCH_SET_JOB_RETRIES", 2048,
            "CREATE_BATCH_SET_EXTERNAL_TASK_RETRIES", 16384,
            "CREATE_BATCH_UPDATE_PROCESS_INSTANCES_SUSPEND", 32768, "CREATE_BATCH_SET_REMOVAL_TIME",
            65536, "CREATE_BATCH_SET_VARIABLES", 131072, "CREATE_BATCH_CORRELATE_MESSAGE", 262144));
    all.put(
        Resource.PROCESS_DEFINITION,
        names(
            "READ", 2, "UPDATE", 4, "DELETE", 16, "READ_TASK", 64, "UPDATE_TASK", 128,
            "CREATE_INSTANCE", 256, "READ_INSTANCE", 512, "UPDATE_INSTANCE", 1024, "DELETE_INSTANCE",
            2048, "READ_HISTORY", 4096, "DELETE_HISTORY", 8192, "TASK_WORK", 16384, "TASK_ASSIGN",
            32768, "MIGRATE_INSTANCE", 65536, "RETRY_JOB", 32, "SUSPEND", 1048576,
            "SUSPEND_INSTANCE", 131072, "UPDATE_INSTANCE_VARIABLE", 262144, "UPDATE_TASK_VARIABLE",
            524288, "READ_INSTANCE_VARIABLE", 2097152, "READ_HISTORY_VARIABLE", 4194304,
            "READ_TASK_VARIABLE", 8388608, "UPDATE_HISTORY", 16777216));
    all.put(
        Resource.PROCESS_INSTANCE,
        names(
            "READ", 2, "UPDATE", 4, "CREATE", 8, "DELETE", 16, "RETRY_JOB", 32, "SUSPEND", 64,
            "UPDATE_VARIABLE", 128));
    all.put(
        Resource.TASK,
        names(
            "READ", 2, "UPDATE", 4, "CREATE", 8, "DELETE", 16, "READ_HISTORY", 4096, "TASK_WORK",
            16384, "TASK_ASSIGN", 32768, "UPDATE_VARIABLE", 32, "READ_VARIABLE", 64));
    all.put(Resource.HISTORIC_TASK, names("READ", 2, "READ_VARIABLE", 64));
    all.put(Resource.HISTORIC_PROCESS_INSTANCE, names("READ", 2));
    all.put(Resource.SYSTEM, names("READ", 2, "SET", 4, "DELETE", 8));
    all.put(Resource.OPERATION_LOG_CATEGORY, names("READ", 2, "UPDATE", 4, "DELETE", 16));
    all.put(Resource.OPTIMIZE, names("EDIT", 2, "SHARE", 4));
    return Map.copyOf(all);
  }

  /** Camunda's generic {@code Permissions}, each valid on the resource types it lists. */
  private static Map<String, Integer> generic(Resource r) {
    Map<String, Integer> names = names();
    addIf(names, r, "READ", 2, Resource.AUTHORIZATION, Resource.BATCH, Resource.DASHBOARD,
        Resource.DECISION_DEFINITION, Resource.DECISION_REQUIREMENTS_DEFINITION, Resource.DEPLOYMENT,
        Resource.FILTER, Resource.GROUP, Resource.PROCESS_DEFINITION, Resource.PROCESS_INSTANCE,
        Resource.REPORT, Resource.TASK, Resource.TENANT, Resource.USER);
    addIf(names, r, "UPDATE", 4, Resource.AUTHORIZATION, Resource.BATCH, Resource.DASHBOARD,
        Resource.DECISION_DEFINITION, Resource.FILTER, Resource.GROUP, Resource.PROCESS_DEFINITION,
        Resource.PROCESS_INSTANCE, Resource.REPORT, Resource.TASK, Resource.TENANT, Resource.USER);
    addIf(names, r, "CREATE", 8, Resource.AUTHORIZATION, Resource.BATCH, Resource.DASHBOARD,
        Resource.DEPLOYMENT, Resource.FILTER, Resource.GROUP, Resource.GROUP_MEMBERSHIP,
        Resource.PROCESS_INSTANCE, Resource.REPORT, Resource.TASK, Resource.TENANT,
        Resource.TENANT_MEMBERSHIP, Resource.USER);
    addIf(names, r, "DELETE", 16, Resource.AUTHORIZATION, Resource.BATCH, Resource.DASHBOARD,
        Resource.DEPLOYMENT, Resource.FILTER, Resource.GROUP, Resource.GROUP_MEMBERSHIP,
        Resource.PROCESS_DEFINITION, Resource.PROCESS_INSTANCE, Resource.REPORT, Resource.TASK,
        Resource.TENANT, Resource.TENANT_MEMBERSHIP, Resource.USER);
    addIf(names, r, "ACCESS", 32, Resource.APPLICATION);
    addIf(names, r, "CREATE_INSTANCE", 256, Resource.DECISION_DEFINITION);
    addIf(names, r, "READ_HISTORY", 4096, Resource.DECISION_DEFINITION);
    addIf(names, r, "DELETE_HISTORY", 8192, Resource.DECISION_DEFINITION);
    return names;
  }

  private static void addIf(
      Map<String, Integer> names, Resource r, String name, int bits, Resource... validOn) {
    if (List.of(validOn).contains(r)) {
      names.put(name, bits);
    }
  }

  private static Map<String, Integer> names(Object... pairs) {
    Map<String, Integer> names = new LinkedHashMap<>();
    names.put(NONE.name, NONE.bits);
    names.put(ALL.name, ALL.bits);
    for (int i = 0; i < pairs.length; i += 2) {
      names.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return names;
  }
}
