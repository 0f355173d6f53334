// What Compose says about a container, read from the labels docker-compose (v1 and v2)
// sets on it. Labels are chosen by whoever runs the container: every value is sanitized
// here, once, like the rest of the row (rows.ts).
import { sanitize } from '../../text/sanitize.js';

export const COMPOSE_LABELS = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  number: 'com.docker.compose.container-number',
  oneoff: 'com.docker.compose.oneoff',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
} as const;

export interface ComposeInfo {
  project: string;
  /** '' when the container has a project label but no service label (hand-labelled). */
  service: string;
  /** The replica number (container-number), 0 when absent or not a number. */
  number: number;
  /** A `docker-compose run` container, not one of the service's replicas. */
  oneoff: boolean;
  workingDir: string;
  configFiles: string;
}

/** The container's Compose labels, or undefined when it belongs to no project. */
export function composeInfo(labels: Readonly<Record<string, string>> | null | undefined): ComposeInfo | undefined {
  const project = labels?.[COMPOSE_LABELS.project];
  if (!labels || typeof project !== 'string' || !sanitize(project)) return undefined;
  const read = (key: string) => (typeof labels[key] === 'string' ? sanitize(labels[key]) : '');
  const number = Number.parseInt(read(COMPOSE_LABELS.number), 10);
  return {
    project: sanitize(project),
    service: read(COMPOSE_LABELS.service),
    number: Number.isSafeInteger(number) && number > 0 ? number : 0,
    oneoff: /^true$/i.test(read(COMPOSE_LABELS.oneoff)),
    workingDir: read(COMPOSE_LABELS.workingDir),
    configFiles: read(COMPOSE_LABELS.configFiles),
  };
}
