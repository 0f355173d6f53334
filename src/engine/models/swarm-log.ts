// A service log line (GET /services/{id}/logs?details=true) names the task and node that
// wrote it only by id, in a details prefix before its text: these split it off and turn
// it into the `web.3@host nodeid` tag `docker service logs` prints.
import { sanitize } from '../../text/sanitize.js';
import type { TaskRow } from './swarm.js';

const DETAILS = /^((?:[\w.-]+=[^,\s]*,?)+) /;

export const TASK_ID = 'com.docker.swarm.task.id';
export const NODE_ID = 'com.docker.swarm.node.id';

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
  const taskId = details[TASK_ID] ?? '';
  const nodeId = details[NODE_ID] ?? '';
  const task = tasks.get(taskId);
  const name = task?.name ?? taskId.slice(0, 12);
  const node = task?.node || nodeId.slice(0, 7);
  return sanitize(`${name}@${node}`);
}
