// l on a service: its log merged over every task (GET /services/{id}/logs, demuxed like a
// container's), each line prefixed by the task and node that wrote it and ordered by
// time, shown in a text view that exports (o) like any other. A snapshot of the last
// lines of each task: following it live in the detail pane waits for descriptor-driven
// detail tabs (docs/ARCHITECTURE.md, Swarm).
import { engineErrorMessage } from '../../engine/errors.js';
import { taskRows, type ServiceRow, type TaskRow } from '../../engine/models/swarm.js';
import type { RawLogLine } from '../../engine/models/types.js';
import { timestampKey } from '../../state/log-follower.js';
import { sanitize } from '../../text/sanitize.js';
import type { AppContextValue } from '../../app/app-context.js';
import { openOverlay } from '../../app/overlay.js';
import { withStatus } from '../../app/status.js';

/** Lines read per task (the engine applies the tail to each task's log). */
export const SERVICE_LOG_TAIL = 200;

const DETAILS = /^((?:[\w.-]+=[^,\s]*,?)+) /;

/** "com.docker.swarm.node.id=…,com.docker.swarm.task.id=… text" → its details and its text. */
export function splitDetails(text: string): { details: Record<string, string>; text: string } {
  const m = DETAILS.exec(text);
  if (!m) return { details: {}, text };
  const details = Object.create(null) as Record<string, string>;
  for (const pair of m[1]!.split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) details[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { details, text: text.slice(m[0].length) };
}

/** "web.3@vm a1b2c3d": the task's name and its node, as `docker service logs` tags lines. */
export function taskTag(details: Record<string, string>, tasks: ReadonlyMap<string, TaskRow>): string {
  const taskId = details['com.docker.swarm.task.id'] ?? '';
  const nodeId = details['com.docker.swarm.node.id'] ?? '';
  const task = tasks.get(taskId);
  const name = task?.name ?? taskId.slice(0, 12);
  const node = task?.node || nodeId.slice(0, 7);
  return sanitize(`${name}@${node}`);
}

/** The merged log as text lines, oldest first: "<time> <task@node> | <text>". */
export function mergedLines(lines: readonly RawLogLine[], tasks: ReadonlyMap<string, TaskRow>): string[] {
  return lines
    .map((l) => ({ key: timestampKey(l.ts), line: l, ...splitDetails(l.text) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((l) => sanitize(`${l.key.slice(11, 23)} ${taskTag(l.details, tasks)} | ${l.text}`));
}

export function openServiceLogs(app: AppContextValue, row: ServiceRow): void {
  const session = app.session;
  void withStatus(
    app,
    `Reading the logs of service ${row.name}…`,
    `Logs of service ${row.name}: last ${SERVICE_LOG_TAIL} lines of each task`,
    async () => {
      const signal = AbortSignal.timeout(20_000);
      const tasks = new Map(taskRows(await session.engine.swarm.listing(signal)).map((t) => [t.id, t]));
      const read: RawLogLine[] = [];
      for await (const batch of session.engine.swarm.serviceLogs(row.id, { tail: SERVICE_LOG_TAIL, follow: false }, signal)) read.push(...batch);
      const lines = mergedLines(read, tasks);
      const writers = new Set(read.map((l) => splitDetails(l.text).details['com.docker.swarm.task.id']));
      openOverlay(app, {
        title: `Service ${row.name} logs (${writers.size} tasks, oldest first)`,
        lines: lines.length ? lines : ['(no log output yet)'],
        exportLines: lines,
        exportName: `${row.name}.log`,
      });
    },
    (err) => `Could not read the logs of service ${row.name}: ${engineErrorMessage(err)}`,
  );
}
