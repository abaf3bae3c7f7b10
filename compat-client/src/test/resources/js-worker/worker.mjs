// An external-task worker written against camunda-external-task-client-js exactly as its users write
// one. ExternalTaskJsClientStoryTest runs it with `node worker.mjs <baseUrl>` and reads its stdout:
// one line per client event ("OK <event> <businessKey>" or "ERROR <event> ...").
import { Client, Variables } from "camunda-external-task-client-js";

const baseUrl = process.argv[2];
const client = new Client({
  baseUrl,
  workerId: "js-worker",
  asyncResponseTimeout: 5000,
  lockDuration: 10000,
  maxTasks: 5,
  interval: 50,
});

for (const event of ["complete", "handleFailure", "handleBpmnError", "extendLock", "unlock"]) {
  client.on(`${event}:success`, (task) => console.log(`OK ${event} ${task.businessKey}`));
  client.on(`${event}:error`, (task, e) => console.log(`ERROR ${event} ${task && task.businessKey} ${e}`));
}
client.on("poll:error", (e) => console.log(`ERROR poll ${e}`));
client.on("handler:error", (e) => console.log(`ERROR handler ${e}`));

const givenBack = new Set();

client.subscribe("charge", async ({ task, taskService }) => {
  const key = task.businessKey;
  if (key === "paid") {
    const amount = task.variables.getTyped("amount");
    const variables = new Variables()
      .set("seenAmount", task.variables.get("amount"))
      .set("seenAmountType", amount.type)
      .set("seenCustomer", task.variables.get("customer"))
      .set("seenDue", task.variables.get("due").toISOString())
      .set("receipt", { no: 7 })
      .set("charged", true)
      .set("fee", 1.5);
    await taskService.extendLock(task, 30000);
    await taskService.complete(task, variables);
  } else if (key === "declined") {
    await taskService.handleBpmnError(task, "NO_FUNDS", "card declined", new Variables().set("reason", "limit"));
  } else if (key === "flaky") {
    const retries = task.retries == null ? 2 : task.retries - 1;
    await taskService.handleFailure(task, {
      errorMessage: "payment service down",
      errorDetails: `retries left ${retries}`,
      retries,
      retryTimeout: 100,
    });
  } else if (key === "returned" && !givenBack.has(key)) {
    givenBack.add(key);
    await taskService.unlock(task);
  } else {
    await taskService.complete(task);
  }
});

client.subscribe("archive", async ({ task, taskService }) => {
  await taskService.complete(task, new Variables().set("archivedAt", new Date("2026-03-02T00:00:00Z")));
});

process.on("SIGTERM", () => {
  client.stop();
  process.exit(0);
});
