// The one place a Dockerode client is built. dockerode 5 takes options (abortSignal, …)
// that @types/dockerode 4 does not declare; dockerode-augment.d.ts declares them, and
// the top-level calls among them are typed here, once, as `Docker`.
import Dockerode from 'dockerode';
import { capAnswers } from './answer-cap.js';

export type Docker = Dockerode.Calls & Dockerode;

export function dockerClient(options: Dockerode.DockerOptions): Docker {
  // The class's declaration cannot be merged from a module augmentation; this one
  // assertion stands for every call `Dockerode.Calls` declares.
  const client = new Dockerode(options) as Docker;
  // Whole answers are read up to a cap (answer-cap.ts): a huge one is refused, not a crash.
  capAnswers(client.modem as never);
  return client;
}
